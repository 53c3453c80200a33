// Saved views of list pages: an object's columns, filter and sort under a name, personal to one
// member or shared with the workspace. Frozen once shipped.
import { createTable, index, type MigrationContext } from './builder.js';

export async function up(context: MigrationContext): Promise<void> {
  await createTable(context, 'views', [
    ['id', 'text', { notNull: true }],
    ['object', 'text', { notNull: true }],
    ['name', 'text', { notNull: true }],
    // The member a personal view belongs to; the creator of a shared one.
    ['owner_id', 'text'],
    ['is_shared', 'boolean', { notNull: true }],
    // Ordered list of field names.
    ['columns', 'json', { notNull: true }],
    // Filter language text, as typed; empty for no filter.
    ['filter', 'text', { notNull: true }],
    ['sort', 'text'],
    ['version', 'integer', { notNull: true, defaultTo: 1 }],
    ['created_at', 'text', { notNull: true }],
    ['created_by', 'text'],
    ['updated_at', 'text', { notNull: true }],
    ['updated_by', 'text'],
  ], ['id']);
  // The views menu of a list page: a member's own views and the shared ones, per object.
  await index(context, 'views', ['workspace_id', 'object', 'owner_id']);
  await index(context, 'views', ['workspace_id', 'object', 'is_shared']);
}
