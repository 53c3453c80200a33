import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { generateDemo, peopleForSize, type DemoSummary } from './index.js';

const NOW = new Date('2026-06-30T00:00:00Z');
const PEOPLE = 700;

describe('demo sizes', () => {
  it('maps names to people and refuses nonsense', () => {
    expect([peopleForSize('small'), peopleForSize('medium'), peopleForSize('large'), peopleForSize(42)]).toEqual([1_000, 100_000, 1_000_000, 42]);
    expect(() => peopleForSize(0)).toThrow(RangeError);
    expect(() => peopleForSize(2.5)).toThrow(RangeError);
  });
});

describe.each(DIALECTS)('demo data on %s', (dialect) => {
  let t: TestApp;
  let first: DemoSummary;
  let second: DemoSummary;
  let secondWorkspace: { workspaceId: string; call: TestApp['call'] };
  const db = () => t.services.database.system;
  const scalar = async (query: string, workspaceId = t.workspaceId): Promise<number> => {
    const { rows } = await sql<{ n: number | string }>`${sql.raw(query.replaceAll(':ws', `'${workspaceId}'`))}`.execute(db());
    return Number(rows[0].n);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const ctx = await t.services.workspaces.contextForSlug(t.slug, 'system');
    first = await generateDemo(t.services, ctx, { size: PEOPLE, seed: 7, now: NOW });
    const other = await t.otherWorkspace();
    secondWorkspace = other;
    second = await generateDemo(t.services, await t.services.workspaces.contextForSlug(other.slug, 'system'), { size: PEOPLE, seed: 7, now: NOW });
  }, 120_000);
  afterAll(() => t.close());

  it('writes the people asked for and every kind of record, counted', async () => {
    expect(first.people).toBe(PEOPLE);
    for (const name of ['companies', 'people', 'deals', 'orders', 'order_lines', 'interactions', 'cases', 'surveyResponses', 'notes', 'tasks', 'campaignMembers', 'products', 'campaigns']) {
      expect(first.counts[name], name).toBeGreaterThan(0);
    }
    expect(await scalar('select count(*) as n from people where workspace_id = :ws')).toBe(PEOPLE);
    expect(await scalar('select count(*) as n from orders where workspace_id = :ws')).toBe(first.counts.orders);
  });

  it('is deterministic for a seed: the same rows, ids included', async () => {
    expect(second.counts).toEqual(first.counts);
    const digest = async (workspaceId: string) => {
      const { rows } = await sql<{ id: string; email: string | null; lifecycle_stage: string }>`
        select id, email, lifecycle_stage from people where workspace_id = ${workspaceId} order by id`.execute(db());
      const { rows: orders } = await sql<{ id: string; total: number | string }>`
        select id, total from orders where workspace_id = ${workspaceId} order by id`.execute(db());
      return { rows, orders: orders.map((o) => [o.id, Number(o.total)]) };
    };
    expect(await digest(secondWorkspace.workspaceId)).toEqual(await digest(t.workspaceId));
  });

  it('keeps every reference inside the workspace and pointing at a record that exists', async () => {
    const dangling = [
      'select count(*) as n from orders o where o.workspace_id = :ws and o.person_id is not null and not exists (select 1 from people p where p.workspace_id = o.workspace_id and p.id = o.person_id)',
      'select count(*) as n from order_lines l where l.workspace_id = :ws and not exists (select 1 from products p where p.workspace_id = l.workspace_id and p.id = l.product_id)',
      'select count(*) as n from cases c where c.workspace_id = :ws and c.person_id is not null and not exists (select 1 from people p where p.workspace_id = c.workspace_id and p.id = c.person_id)',
      'select count(*) as n from deals d where d.workspace_id = :ws and not exists (select 1 from stages s where s.workspace_id = d.workspace_id and s.id = d.stage_id)',
      'select count(*) as n from interaction_participants i where i.workspace_id = :ws and not exists (select 1 from people p where p.workspace_id = i.workspace_id and p.id = i.person_id)',
      'select count(*) as n from people p where p.workspace_id = :ws and p.company_id is not null and not exists (select 1 from companies c where c.workspace_id = p.workspace_id and c.id = p.company_id)',
      'select count(*) as n from survey_responses s where s.workspace_id = :ws and not exists (select 1 from people p where p.workspace_id = s.workspace_id and p.id = s.person_id)',
    ];
    for (const query of dangling) expect(await scalar(query), query).toBe(0);
    // Everything happened inside the three years before `now`.
    expect(await scalar(`select count(*) as n from orders where workspace_id = :ws and (ordered_at > '${NOW.toISOString()}' or ordered_at < '2023-06-01')`)).toBe(0);
  });

  it('tells customer stories: repeat and one-off buyers, churners, advocates, unhappy customers with many cases', async () => {
    const buyers = 'select person_id, count(*) as orders from orders where workspace_id = :ws and person_id is not null group by person_id';
    const repeat = await scalar(`select count(*) as n from (${buyers}) b where b.orders >= 4`);
    const oneOff = await scalar(`select count(*) as n from (${buyers}) b where b.orders = 1`);
    expect(repeat).toBeGreaterThan(PEOPLE * 0.05);
    expect(oneOff).toBeGreaterThan(PEOPLE * 0.05);
    const stage = (name: string) => scalar(`select count(*) as n from people where workspace_id = :ws and lifecycle_stage = '${name}'`);
    expect(await stage('advocate')).toBeGreaterThan(PEOPLE * 0.03);
    expect(await stage('churned')).toBeGreaterThan(PEOPLE * 0.03);
    expect(await stage('customer')).toBeGreaterThan(PEOPLE * 0.2);
    // People with five or more cases answer surveys less happily than the rest.
    const csat = (cond: string) => scalar(`select avg(s.score) as n from survey_responses s where s.workspace_id = :ws and s.kind = 'csat' and s.person_id ${cond}
      (select person_id from cases where workspace_id = :ws and person_id is not null group by person_id having count(*) >= 5)`);
    const unhappy = await csat('in');
    const others = await csat('not in');
    expect(unhappy).toBeLessThan(others);
    // Churners stopped buying: their last order is older than that of active customers.
    const lastOrder = (stageName: string) => scalar(`select avg(days) as n from (select ${dialect === 'postgres'
      ? `extract(epoch from ('${NOW.toISOString()}'::timestamptz - max(o.ordered_at)::timestamptz)) / 86400`
      : `julianday('${NOW.toISOString()}') - julianday(max(o.ordered_at))`} as days
      from orders o join people p on p.workspace_id = o.workspace_id and p.id = o.person_id
      where o.workspace_id = :ws and p.lifecycle_stage = '${stageName}' group by o.person_id) d`);
    expect(await lastOrder('churned')).toBeGreaterThan(await lastOrder('advocate'));
  });

  it('serves the data through the API like any other records', async () => {
    const customers = await t.ok('GET', `/api/v1/objects/people?filter=${encodeURIComponent('lifecycleStage = "customer"')}&sort=-createdAt&limit=50`);
    expect(customers.data).toHaveLength(50);
    expect(customers.data.every((p: { lifecycleStage: string }) => p.lifecycleStage === 'customer')).toBe(true);
    const order = (await t.ok('GET', '/api/v1/objects/orders?limit=1')).data[0];
    expect(order.lines.length).toBeGreaterThan(0);
    const lineTotal = order.lines.reduce((sum: number, l: { quantity: number; unitPrice: number; discount: number }) => sum + l.quantity * l.unitPrice - l.discount, 0);
    expect(order.total).toBe(lineTotal);
    const timeline = await t.ok('GET', `/api/v1/objects/people/${order.personId}/timeline?limit=20`);
    expect(timeline.data.length).toBeGreaterThan(0);
  });
});
