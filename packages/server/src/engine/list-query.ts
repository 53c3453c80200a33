// Turning a list request's query string into engine options: the filter (text, or the JSON
// form when it starts with `{`), sort, field selection, page size and cursor.
import {
  bindFilter, FILTER_JSON_SCHEMA, FilterError, FilterSyntaxError, parseFilter,
  type BoundFilter, type FieldDefinition, type FilterExpression, type ObjectDefinition,
} from '@rapport/core';
import { ValidationFailed } from '../errors.js';
import type { WorkspaceObjects } from './context.js';
import type { ListOptions } from './read.js';
import { parseSort } from './sort.js';
import { ajv } from './validate.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export interface ListQueryInput {
  filter?: string;
  sort?: string;
  fields?: string;
  limit?: number;
  cursor?: string;
  total?: boolean;
  trashed?: boolean;
}

const validateFilterJson = ajv.compile(FILTER_JSON_SCHEMA);

/**
 * Parses and type-checks a filter against an object; refuses with 400 naming the position
 * (syntax) or the field (meaning).
 * @example parseRecordFilter(people, objects, 'lifecycleStage = "customer" and company.industry = "retail"')
 */
export function parseRecordFilter(definition: ObjectDefinition, objects: WorkspaceObjects, text: string, param = 'filter'): BoundFilter {
  let expression: FilterExpression;
  if (text.trimStart().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ValidationFailed([{ field: param, message: `is not valid JSON: ${(error as Error).message}` }]);
    }
    if (!validateFilterJson(json)) {
      const first = validateFilterJson.errors?.[0];
      throw new ValidationFailed([{ field: param, message: `is not a filter in JSON form (${first?.instancePath || '/'} ${first?.message ?? ''})` }]);
    }
    expression = json as FilterExpression;
  } else {
    try {
      expression = parseFilter(text);
    } catch (error) {
      if (error instanceof FilterSyntaxError) throw new ValidationFailed([{ field: param, message: error.message, position: error.column }]);
      throw error;
    }
  }
  try {
    return bindFilter(expression, definition, (name) => objects.get(name));
  } catch (error) {
    if (error instanceof FilterError) throw new ValidationFailed([{ field: param, message: error.message }], `${param}: ${error.message}`);
    throw error;
  }
}

function parseFields(definition: ObjectDefinition, text: string): FieldDefinition[] {
  const names = text.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !definition.fields.some((field) => field.name === name));
  if (unknown.length) throw new ValidationFailed([{ field: 'fields', message: `unknown field(s) on ${definition.name}: ${unknown.join(', ')}` }]);
  return definition.fields.filter((field) => names.includes(field.name));
}

/** The engine's list options from the query string of a list request. */
export function parseListQuery(definition: ObjectDefinition, objects: WorkspaceObjects, input: ListQueryInput): ListOptions {
  return {
    filter: input.filter !== undefined && input.filter.trim() !== '' ? parseRecordFilter(definition, objects, input.filter) : undefined,
    sort: parseSort(definition, input.sort),
    fields: input.fields ? parseFields(definition, input.fields) : undefined,
    limit: input.limit ?? DEFAULT_LIMIT,
    cursor: input.cursor || undefined,
    withTotal: input.total,
    trashed: input.trashed,
  };
}

export { parseFields };
