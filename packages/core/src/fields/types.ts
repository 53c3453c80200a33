// The shape of a field definition: the one description that drives storage, validation,
// the API schema, filters and sorts for every object, standard or custom.

/** Field types an admin can create as custom fields (SPEC §2.3). */
export const CUSTOM_FIELD_TYPES = [
  'text', 'number', 'currency', 'date', 'datetime', 'boolean', 'select', 'multiSelect',
  'email', 'phone', 'url', 'relation', 'rating',
] as const;

/** Every field type, including the ones only standard objects use. */
export const FIELD_TYPES = [
  ...CUSTOM_FIELD_TYPES,
  'id', 'user', 'currencyCode', 'emailList', 'phoneList', 'collection',
] as const;

export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
export type FieldType = (typeof FIELD_TYPES)[number];

export interface Choice {
  value: string;
  label: string;
  color?: string;
}

export interface JoinTable {
  /** snake_case table holding (workspace_id, sourceColumn, targetColumn). */
  table: string;
  sourceColumn: string;
  targetColumn: string;
  /** For a join table shared by several objects (tags), the column naming the source object. */
  objectColumn?: string;
}

export interface RelationSpec {
  /** Name used in filter paths, e.g. `company` in `company.industry`. */
  name: string;
  /** API name of the target object. */
  target: string;
  cardinality: 'one' | 'many';
  /** Standard to-many relations are stored in a join table; custom ones in the JSON column. */
  through?: JoinTable;
}

export interface CollectionSpec {
  /** snake_case child table (workspace_id, id, <parentColumn>, position, ...item fields). */
  table: string;
  parentColumn: string;
  /** Item fields; relations allowed (one), collections not. */
  fields: FieldDefinition[];
  maxItems?: number;
}

export interface FieldDefinition {
  /** API name, camelCase, unique within its object. */
  name: string;
  label: string;
  type: FieldType;
  description?: string;
  /** Must be present (and not null) on create; cannot be cleared. */
  isRequired?: boolean;
  /** Unique among live records of the workspace; usable as an upsert key. */
  isUnique?: boolean;
  /** Set by the system or a hook; refused in writes. */
  isReadOnly?: boolean;
  /** id, version, createdAt…: present on every object. */
  isSystem?: boolean;
  /** Defined by an admin at run time; stored in the record's JSON column. */
  isCustom?: boolean;
  /** Included in global search. */
  isSearchable?: boolean;
  /** Shown as a list column by default. */
  isListed?: boolean;
  /** Value used on create when the field is absent. */
  defaultValue?: unknown;
  // type options
  choices?: Choice[];
  relation?: RelationSpec;
  collection?: CollectionSpec;
  min?: number;
  max?: number;
  /** number: only whole numbers. */
  isInteger?: boolean;
  maxLength?: number;
  /** currency: name of the sibling field holding the ISO 4217 code, else `currency`. */
  currencyField?: string;
  /** currency: fixed ISO 4217 code when the object has no currency field. */
  currency?: string;
}
