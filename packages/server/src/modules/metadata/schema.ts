// Route schemas of the metadata API: custom objects and custom fields.
import { CUSTOM_FIELD_TYPES } from '@rapport/core';
import { Type, type Static } from 'typebox';

export const API_NAME = '^[a-z][a-zA-Z0-9]{0,62}$';

const Choice = Type.Object({
  value: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,100}$' }),
  label: Type.String({ minLength: 1, maxLength: 200 }),
  color: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
}, { additionalProperties: false });

const FieldOptions = {
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  isRequired: Type.Optional(Type.Boolean()),
  choices: Type.Optional(Type.Array(Choice, { minItems: 1, maxItems: 500 })),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  isInteger: Type.Optional(Type.Boolean()),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
};

export const NewField = Type.Object({
  name: Type.String({ pattern: API_NAME, description: 'API name, camelCase; cannot change later' }),
  label: Type.String({ minLength: 1, maxLength: 200 }),
  type: Type.Union(CUSTOM_FIELD_TYPES.map((type) => Type.Literal(type))),
  ...FieldOptions,
  target: Type.Optional(Type.String({ pattern: API_NAME, description: 'relation: the object it links to' })),
  cardinality: Type.Optional(Type.Union([Type.Literal('one'), Type.Literal('many')], { description: 'relation: one (default) or many' })),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'currency: ISO 4217 code, when the object has no currency field' })),
}, { additionalProperties: false });
export type NewField = Static<typeof NewField>;

export const FieldChange = Type.Object({
  label: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  ...FieldOptions,
}, { additionalProperties: false, minProperties: 1 });
export type FieldChange = Static<typeof FieldChange>;

export const NewObject = Type.Object({
  name: Type.String({ pattern: API_NAME, description: 'API name, camelCase plural, such as projects' }),
  labelSingular: Type.String({ minLength: 1, maxLength: 100 }),
  labelPlural: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type NewObject = Static<typeof NewObject>;

export const ObjectChange = Type.Object({
  labelSingular: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  labelPlural: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false, minProperties: 1 });
export type ObjectChange = Static<typeof ObjectChange>;

export const FieldDescription = Type.Object({
  name: Type.String(),
  label: Type.String(),
  type: Type.String(),
  description: Type.Optional(Type.String()),
  isRequired: Type.Optional(Type.Boolean()),
  isUnique: Type.Optional(Type.Boolean()),
  isReadOnly: Type.Optional(Type.Boolean()),
  isSystem: Type.Optional(Type.Boolean()),
  isCustom: Type.Optional(Type.Boolean()),
  isSearchable: Type.Optional(Type.Boolean()),
  isListed: Type.Optional(Type.Boolean()),
  defaultValue: Type.Optional(Type.Unknown()),
  choices: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Type.String(), color: Type.Optional(Type.String()) }))),
  relation: Type.Optional(Type.Object({ name: Type.String(), target: Type.String(), cardinality: Type.String() })),
  collection: Type.Optional(Type.Object({ fields: Type.Array(Type.Unknown()) })),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  isInteger: Type.Optional(Type.Boolean()),
  maxLength: Type.Optional(Type.Integer()),
  currency: Type.Optional(Type.String()),
  deletedAt: Type.Optional(Type.String({ description: 'Set on a deleted field whose data is kept until purged' })),
});

export const ObjectDescription = Type.Object({
  name: Type.String(),
  labelSingular: Type.String(),
  labelPlural: Type.String(),
  description: Type.Optional(Type.String()),
  isCustom: Type.Boolean(),
  displayField: Type.String(),
  fields: Type.Array(FieldDescription),
});
