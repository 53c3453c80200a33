// Route schemas of saved views: what a view holds (an object's columns, filter and sort under a
// name), what may be sent to create or change one, and how the API describes it.
import { Type, type Static } from 'typebox';
import { Id, ObjectName } from '../../http/conventions.js';

const FieldName = Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,62}$' });

export const MAX_COLUMNS = 100;

const ViewFields = {
  name: Type.String({ minLength: 1, maxLength: 100, description: 'Shown in the views menu' }),
  columns: Type.Array(FieldName, { minItems: 1, maxItems: MAX_COLUMNS, description: 'Fields shown as columns, in order' }),
  filter: Type.String({ maxLength: 10000, description: 'A filter in the filter language; empty for none' }),
  sort: Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { description: 'Fields to sort on, comma-separated, - for descending; null for the default' }),
  isShared: Type.Boolean({ description: 'Shared with the whole workspace; otherwise only its owner sees it' }),
};

export const NewView = Type.Object({
  object: ObjectName,
  name: ViewFields.name,
  columns: ViewFields.columns,
  filter: Type.Optional(ViewFields.filter),
  sort: Type.Optional(ViewFields.sort),
  isShared: Type.Optional(ViewFields.isShared),
}, { additionalProperties: false });
export type NewView = Static<typeof NewView>;

export const ViewChange = Type.Object({
  name: Type.Optional(ViewFields.name),
  columns: Type.Optional(ViewFields.columns),
  filter: Type.Optional(ViewFields.filter),
  sort: Type.Optional(ViewFields.sort),
  isShared: Type.Optional(ViewFields.isShared),
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version the change is based on (or send If-Match)' })),
}, { additionalProperties: false, minProperties: 1 });
export type ViewChange = Static<typeof ViewChange>;

export const View = Type.Object({
  id: Id,
  object: Type.String(),
  name: Type.String(),
  columns: Type.Array(Type.String()),
  filter: Type.String(),
  sort: Type.Union([Type.String(), Type.Null()]),
  isShared: Type.Boolean(),
  ownerId: Type.Union([Type.String(), Type.Null()], { description: 'The member a personal view belongs to; who created a shared one' }),
  isEditable: Type.Boolean({ description: 'Whether the caller may change or delete it' }),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type View = Static<typeof View>;

export const ViewList = Type.Object({
  data: Type.Array(View),
  canShare: Type.Boolean({ description: 'Whether the caller may create shared views of this object' }),
});

export const ViewParams = Type.Object({ id: Id });
export const ViewListQuery = Type.Object({ object: ObjectName }, { additionalProperties: false });
