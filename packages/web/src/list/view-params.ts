// A list view lives in the URL: `?columns=name,amount&sort=-amount&filter=…`, so that a link
// or a reload shows the same view.
import type { FieldDescription, ObjectDescription } from '../api/types';

export interface ListView {
  columns: string[];
  /** `amount` ascending, `-amount` descending; undefined: the server's default (newest first). */
  sort?: string;
  filter: string;
}

const UNSORTABLE = new Set(['multiSelect', 'emailList', 'phoneList', 'collection']);

export function isSortable(field: FieldDescription): boolean {
  return !UNSORTABLE.has(field.type) && !(field.type === 'relation' && field.relation?.cardinality === 'many');
}

/** Fields that can be shown as columns (collections are not). */
export function columnFields(definition: ObjectDescription): FieldDescription[] {
  return definition.fields.filter((field) => field.type !== 'collection' && field.name !== 'version' && field.name !== 'deletedAt');
}

export function defaultColumns(definition: ObjectDescription): string[] {
  const listed = definition.fields.filter((field) => field.isListed && !field.isSystem).map((field) => field.name);
  const columns = [definition.displayField, ...listed.filter((name) => name !== definition.displayField)];
  return columns.length > 1 ? columns : [...columns, 'createdAt'];
}

export function readView(definition: ObjectDescription, params: URLSearchParams): ListView {
  const known = new Set(columnFields(definition).map((field) => field.name));
  const asked = params.get('columns')?.split(',').filter((name) => known.has(name)) ?? [];
  const sort = params.get('sort') ?? undefined;
  const sortField = sort?.replace(/^-/, '');
  return {
    columns: asked.length ? asked : defaultColumns(definition),
    sort: sortField && known.has(sortField) ? sort : undefined,
    filter: params.get('filter') ?? '',
  };
}

export function writeView(definition: ObjectDescription, view: ListView): URLSearchParams {
  const params = new URLSearchParams();
  const isDefault = view.columns.join(',') === defaultColumns(definition).join(',');
  if (!isDefault) params.set('columns', view.columns.join(','));
  if (view.sort) params.set('sort', view.sort);
  if (view.filter.trim()) params.set('filter', view.filter.trim());
  return params;
}

/** The next sort when a column header is clicked: ascending, then descending, then default. */
export function nextSort(current: string | undefined, field: string): string | undefined {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return undefined;
  return field;
}
