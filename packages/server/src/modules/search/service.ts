// Global search: one text looked up in the searchable fields (`isSearchable`, and the field that
// names a record) of every object the caller may read, through the record engine — so the
// caller's visibility applies and fields hidden from their role are neither searched nor shown.
import { printFilter, type FilterExpression, type ObjectDefinition } from '@rapport/core';
import type { RequestContext } from '../../engine/context.js';
import type { RecordEngine } from '../../engine/engine.js';

/** Field types a text can be found in. */
const TEXT_TYPES = new Set(['text', 'email', 'phone', 'url', 'emailList', 'phoneList']);

export interface SearchHit {
  id: string;
  /** The record's name (its display field). */
  title: string;
  /** The field the text was found in, when it is not the title. */
  match: { field: string; label: string; value: unknown } | null;
}

export interface SearchGroup {
  object: string;
  label: string;
  records: SearchHit[];
}

/** The fields of an object that search looks in, the display field first. */
export function searchableFields(definition: ObjectDefinition): string[] {
  const fields = definition.fields.filter((field) => TEXT_TYPES.has(field.type) && (field.isSearchable || field.name === definition.displayField));
  return fields.sort((a, b) => Number(b.name === definition.displayField) - Number(a.name === definition.displayField)).map((field) => field.name);
}

export async function search(ctx: RequestContext, engine: RecordEngine, text: string, options: { limit: number; objects?: string[] }): Promise<SearchGroup[]> {
  const needle = text.trim();
  const groups: SearchGroup[] = [];
  for (const definition of ctx.objects.list()) {
    if (options.objects && !options.objects.includes(definition.name)) continue;
    if (!ctx.access.can(definition.name, 'read')) continue;
    const fields = searchableFields(definition);
    if (fields.length === 0) continue;
    const filter: FilterExpression = { or: fields.map((field) => ({ field, op: 'contains' as const, value: needle })) };
    const fieldList = [...new Set(['id', definition.displayField, ...fields])];
    const { data } = await engine.list(ctx, definition.name, { filter: printFilter(filter), fields: fieldList.join(','), sort: '-updatedAt', limit: options.limit });
    if (data.length === 0) continue;
    const lowered = needle.toLowerCase();
    groups.push({
      object: definition.name,
      label: definition.labelPlural,
      records: data.map((record) => {
        const found = fields.find((field) => JSON.stringify(record[field] ?? '').toLowerCase().includes(lowered));
        const title = String(record[definition.displayField] ?? record.id);
        const field = found && found !== definition.displayField ? definition.fields.find((f) => f.name === found)! : null;
        return { id: record.id as string, title, match: field ? { field: field.name, label: field.label, value: record[field.name] } : null };
      }),
    });
  }
  return groups;
}
