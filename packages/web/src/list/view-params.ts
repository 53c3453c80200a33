// A list view lives in the URL: `?columns=name,amount&sort=-amount&filter=…&group=stage`, so
// that a link or a reload shows the same view; `&view=<id>` names the saved view it started
// from, and `&trash=1` shows the trash instead of live records.
import type { FieldDescription, ObjectDescription } from '../api/types';
import type { SavedView } from '../api/views';

/** The URL parameter naming the saved view a list shows. */
export const SAVED_VIEW_PARAM = 'view';
/** The parameters that hold a view's own content. */
const CONTENT_PARAMS = ['columns', 'sort', 'filter'];

export interface ListView {
  columns: string[];
  /** `amount` ascending, `-amount` descending; undefined: the server's default (newest first). */
  sort?: string;
  filter: string;
  /** A select field the rows are grouped by. */
  groupBy?: string;
  isTrash?: boolean;
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
    groupBy: definition.fields.some((field) => field.name === params.get('group') && field.type === 'select') ? params.get('group')! : undefined,
    isTrash: params.get('trash') === '1',
  };
}

export function writeView(definition: ObjectDescription, view: ListView, savedViewId?: string | null): URLSearchParams {
  const params = new URLSearchParams();
  if (savedViewId) params.set(SAVED_VIEW_PARAM, savedViewId);
  const isDefault = view.columns.join(',') === defaultColumns(definition).join(',');
  // With a saved view the columns are always written: the URL alone reproduces the view.
  if (!isDefault || savedViewId) params.set('columns', view.columns.join(','));
  if (view.sort) params.set('sort', view.sort);
  if (view.filter.trim()) params.set('filter', view.filter.trim());
  if (view.groupBy) params.set('group', view.groupBy);
  if (view.isTrash) params.set('trash', '1');
  return params;
}

/** The next sort when a column header is clicked: ascending, then descending, then default. */
export function nextSort(current: string | undefined, field: string): string | undefined {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return undefined;
  return field;
}

/** The list view a saved view describes, limited to the columns the caller can show. */
export function viewOf(definition: ObjectDescription, saved: SavedView): ListView {
  const params = writeView(definition, { columns: saved.columns, sort: saved.sort ?? undefined, filter: saved.filter });
  if (!params.has('columns')) params.set('columns', saved.columns.join(','));
  return readView(definition, params);
}

/** Whether two list views show the same columns, filter and sort. */
export function isSameView(a: ListView, b: ListView): boolean {
  return a.columns.join(',') === b.columns.join(',') && (a.sort ?? '') === (b.sort ?? '') && a.filter.trim() === b.filter.trim();
}

/** Whether the URL names a saved view and nothing of its content (a shared link): the view is then loaded. */
export function namesOnlySavedView(params: URLSearchParams): boolean {
  return params.has(SAVED_VIEW_PARAM) && !CONTENT_PARAMS.some((name) => params.has(name));
}
