// The object definitions of a workspace: the standard ones from core, with the workspace's
// custom fields added, plus its custom objects. Cached per (workspace, metadata version): a
// metadata change bumps the version, so every server process sees it on its next request.
import {
  STANDARD_OBJECTS, withSystemFields, type FieldDefinition, type FieldType, type ObjectDefinition,
} from '@rapport/core';
import type { Kysely } from 'kysely';
import type { Dialect } from '../../db/dialects/dialect.js';
import type { WorkspaceObjects } from '../../engine/context.js';

export interface StoredFieldOptions {
  choices?: FieldDefinition['choices'];
  relation?: { target: string; cardinality: 'one' | 'many' };
  min?: number;
  max?: number;
  isInteger?: boolean;
  maxLength?: number;
  currency?: string;
}

export interface FieldRow {
  name: string;
  object_name: string;
  label: string;
  type: string;
  description: string | null;
  is_required: unknown;
  options: unknown;
  position: number;
}

/** A stored custom field as a field definition. */
export function customField(row: FieldRow, dialect: Dialect): FieldDefinition {
  const options = (dialect.fromDb(row.options, 'json') ?? {}) as StoredFieldOptions;
  const { relation, ...rest } = options;
  return {
    name: row.name,
    label: row.label,
    type: row.type as FieldType,
    ...(row.description ? { description: row.description } : {}),
    isRequired: Boolean(dialect.fromDb(row.is_required, 'boolean')),
    isCustom: true,
    ...rest,
    ...(relation ? { relation: { name: row.name, target: relation.target, cardinality: relation.cardinality } } : {}),
  };
}

/** Every custom object starts with a required `name`. */
export function customObjectNameField(): FieldDefinition {
  return { name: 'name', label: 'Name', type: 'text', isRequired: true, isSearchable: true, isListed: true, maxLength: 500 };
}

class Objects implements WorkspaceObjects {
  readonly #byName: Map<string, ObjectDefinition>;
  constructor(readonly version: number, definitions: ObjectDefinition[]) {
    this.#byName = new Map(definitions.map((definition) => [definition.name, definition]));
  }
  list() {
    return [...this.#byName.values()];
  }
  get(name: string) {
    return this.#byName.get(name);
  }
}

const STANDARD = new Objects(0, [...STANDARD_OBJECTS]);
const CACHE_SIZE = 1000;

export class DefinitionRegistry {
  readonly #cache = new Map<string, WorkspaceObjects>();

  /** The definitions of a workspace at a metadata version (0: nothing custom yet). */
  async objectsOf(db: Kysely<any>, dialect: Dialect, workspaceId: string, version: number): Promise<WorkspaceObjects> {
    if (version === 0) return STANDARD;
    const key = `${workspaceId}:${version}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const objects = await this.load(db, dialect, version);
    if (this.#cache.size >= CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
    this.#cache.set(key, objects);
    return objects;
  }

  private async load(db: Kysely<any>, dialect: Dialect, version: number): Promise<WorkspaceObjects> {
    const customObjects = await db.selectFrom('object_definitions').selectAll().where('deleted_at', 'is', null).orderBy('created_at').execute();
    const fieldRows = (await db.selectFrom('field_definitions').selectAll().where('deleted_at', 'is', null).orderBy('position').orderBy('created_at').execute()) as FieldRow[];
    const fieldsOf = (object: string) => fieldRows.filter((row) => row.object_name === object).map((row) => customField(row, dialect));
    const standard = STANDARD_OBJECTS.map((definition) => {
      const extra = fieldsOf(definition.name);
      return extra.length ? { ...definition, fields: [...definition.fields, ...extra] } : definition;
    });
    const custom = customObjects.map((row) => withSystemFields({
      name: row.name,
      labelSingular: row.label_singular,
      labelPlural: row.label_plural,
      ...(row.description ? { description: row.description } : {}),
      isCustom: true,
      displayField: 'name',
      fields: [customObjectNameField(), ...fieldsOf(row.name)],
    }));
    return new Objects(version, [...standard, ...custom]);
  }
}
