// Orders: totals are computed from the lines (revenue and cost of goods, in minor units). A line
// without a unit cost takes its product's cost, so that profitability has the cost of goods.
import type { RecordValues } from '../../engine/codec.js';
import type { RequestContext } from '../../engine/context.js';
import type { ObjectHooks } from '../../engine/hooks.js';
import { ValidationFailed, type FieldProblem } from '../../errors.js';

async function productCosts(ctx: RequestContext, lines: RecordValues[]): Promise<Map<string, number | null>> {
  const ids = [...new Set(lines.filter((line) => line.unitCost == null && line.productId).map((line) => line.productId as string))];
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('products').select(['id', 'cost']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.cost == null ? null : Number(row.cost)]));
}

async function computeTotals(ctx: RequestContext, record: RecordValues): Promise<void> {
  const lines = (record.lines as RecordValues[] | null) ?? [];
  const costs = await productCosts(ctx, lines);
  const problems: FieldProblem[] = [];
  let subtotal = 0;
  let discountTotal = 0;
  let costTotal = 0;
  lines.forEach((line, i) => {
    if (line.unitCost == null && line.productId) line.unitCost = costs.get(line.productId as string) ?? null;
    const amount = Math.round(Number(line.quantity) * Number(line.unitPrice));
    const discount = Number(line.discount ?? 0);
    if (discount > amount) problems.push({ field: `lines[${i}].discount`, message: `is more than the line amount (${amount})` });
    subtotal += amount;
    discountTotal += discount;
    costTotal += Math.round(Number(line.quantity) * Number(line.unitCost ?? 0));
  });
  if (problems.length) throw new ValidationFailed(problems);
  Object.assign(record, { subtotal, discountTotal, total: subtotal - discountTotal, costTotal });
}

export const orderHooks: ObjectHooks = {
  beforeCreate: ({ ctx, record }) => computeTotals(ctx, record),
  async beforeUpdate({ ctx, record, changes }) {
    if (changes.has('lines')) await computeTotals(ctx, record);
  },
};
