// Lists of emails and phones beside a person's primary ones.
import { email } from './email.js';
import { normalizePhone } from './phone.js';
import { literalOf, ok, type FieldTypeSpec, type Normalized } from './spec.js';

const LIST_OPERATORS = ['=', '!=', 'in', 'contains', 'startsWith', 'isEmpty'] as const;

function normalizeList(items: unknown[], normalizeItem: (item: unknown) => Normalized): Normalized {
  const out: unknown[] = [];
  for (const [index, item] of items.entries()) {
    const normalized = normalizeItem(item);
    if (!normalized.ok) return { ok: false, message: `item ${index} ${normalized.message}` };
    if (!out.includes(normalized.value)) out.push(normalized.value);
  }
  return ok(out.length === 0 ? null : out);
}

export const emailList: FieldTypeSpec = {
  type: 'emailList',
  schema: () => ({ type: 'array', maxItems: 20, items: email.schema({ name: '', label: '', type: 'email' }) }),
  normalize: (value) => normalizeList(value as unknown[], (item) => ok(String(item).trim().toLowerCase())),
  normalizeLiteral: (value) => literalOf('string', value, 'a string'),
  operators: LIST_OPERATORS,
  valueKind: 'string',
  isList: true,
  isSortable: false,
};

export const phoneList: FieldTypeSpec = {
  type: 'phoneList',
  schema: () => ({ type: 'array', maxItems: 20, items: { type: 'string', minLength: 3, maxLength: 40 } }),
  normalize: (value) => normalizeList(value as unknown[], normalizePhone),
  normalizeLiteral: (value) => literalOf('string', value, 'a string'),
  operators: LIST_OPERATORS,
  valueKind: 'string',
  isList: true,
  isSortable: false,
};
