// The initial schema: workspaces, credentials, metadata, history, and one table per standard
// object. Frozen: change the schema in a new migration, never here.
import { addColumns, createRecordTable, createTable, index, type ColumnSpec, type MigrationContext } from './builder.js';

const text = (name: string): ColumnSpec => [name, 'text'];
const integer = (name: string): ColumnSpec => [name, 'integer'];
const float = (name: string): ColumnSpec => [name, 'float'];
const boolean = (name: string): ColumnSpec => [name, 'boolean'];
const json = (name: string): ColumnSpec => [name, 'json'];
const required = ([name, kind]: ColumnSpec): ColumnSpec => [name, kind, { notNull: true }];

export async function up(context: MigrationContext): Promise<void> {
  const { db, dialect } = context;

  // --- tenancy and credentials ---
  await addColumns(db.schema.createTable('workspaces'), dialect, [
    required(text('id')), required(text('slug')), required(text('name')), required(text('default_currency')),
    ['metadata_version', 'integer', { notNull: true, defaultTo: 0 }], required(text('created_at')),
  ]).addPrimaryKeyConstraint('workspaces_pkey', ['id']).addUniqueConstraint('workspaces_slug_key', ['slug']).execute();

  await addColumns(db.schema.createTable('users'), dialect, [
    required(text('id')), required(text('email')), required(text('name')), text('password_hash'),
    required(text('created_at')), required(text('updated_at')),
  ]).addPrimaryKeyConstraint('users_pkey', ['id']).addUniqueConstraint('users_email_key', ['email']).execute();

  await createTable(context, 'workspace_members', [required(text('user_id')), required(text('role')), required(text('created_at'))], ['user_id']);
  await db.schema.createIndex('workspace_members_user_idx').on('workspace_members').column('user_id').execute();

  await createTable(context, 'api_keys', [
    required(text('id')), required(text('name')), required(text('token_hash')), required(text('token_prefix')),
    required(text('created_at')), text('created_by'), text('last_used_at'), text('expires_at'), text('revoked_at'),
  ], ['id']);
  await db.schema.createIndex('api_keys_token_hash_key').on('api_keys').column('token_hash').unique().execute();

  // --- metadata: custom objects and fields ---
  await createTable(context, 'object_definitions', [
    required(text('id')), required(text('name')), required(text('label_singular')), required(text('label_plural')),
    text('description'), required(text('created_at')), required(text('updated_at')), text('deleted_at'),
  ], ['id']);
  await db.schema.createIndex('object_definitions_name_key').on('object_definitions').columns(['workspace_id', 'name']).unique().execute();

  await createTable(context, 'field_definitions', [
    required(text('id')), required(text('object_name')), required(text('name')), required(text('label')), required(text('type')),
    text('description'), ['is_required', 'boolean', { notNull: true, defaultTo: false }], required(json('options')),
    ['position', 'integer', { notNull: true, defaultTo: 0 }],
    required(text('created_at')), required(text('updated_at')), text('deleted_at'),
  ], ['id']);
  await db.schema.createIndex('field_definitions_name_key').on('field_definitions').columns(['workspace_id', 'object_name', 'name']).unique().execute();

  // --- history ---
  await createTable(context, 'record_history', [
    required(text('id')), required(text('object')), required(text('record_id')), required(text('change_id')),
    required(text('operation')), text('field'), json('old_value'), json('new_value'),
    required(text('changed_at')), text('changed_by'),
  ], ['id']);
  await index(context, 'record_history', ['workspace_id', 'object', 'record_id', 'changed_at']);

  await createTable(context, 'deal_stage_history', [
    required(text('id')), required(text('deal_id')), required(text('pipeline_id')), required(text('stage_id')), text('from_stage_id'),
    required(text('entered_at')), text('exited_at'), integer('duration_ms'), text('moved_by'), text('reason'),
  ], ['id']);
  await index(context, 'deal_stage_history', ['workspace_id', 'deal_id', 'entered_at']);

  // --- standard objects ---
  await createRecordTable(context, 'companies', [
    required(text('name')), text('domain'), text('industry'), text('type'), integer('employees'), integer('annual_revenue'),
    text('currency'), text('website'), text('phone'), text('country'), text('city'), text('description'), text('owner_id'),
  ]);
  await index(context, 'companies', ['workspace_id', 'domain'], { unique: true });
  await index(context, 'companies', ['workspace_id', 'name']);
  await index(context, 'companies', ['workspace_id', 'industry']);

  await createRecordTable(context, 'people', [
    text('first_name'), text('last_name'), text('full_name'), text('email'), json('other_emails'), text('phone'), json('other_phones'),
    text('job_title'), text('company_id'), text('lifecycle_stage'), text('lead_status'), text('source'), text('referred_by_id'),
    text('owner_id'), boolean('has_email_consent'), boolean('has_sms_consent'), boolean('has_phone_consent'),
    text('city'), text('country'), text('birthday'), text('linkedin_url'),
  ]);
  await index(context, 'people', ['workspace_id', 'email'], { unique: true });
  await index(context, 'people', ['workspace_id', 'company_id']);
  await index(context, 'people', ['workspace_id', 'lifecycle_stage', 'created_at']);
  await index(context, 'people', ['workspace_id', 'full_name']);
  await index(context, 'people', ['workspace_id', 'owner_id']);
  await index(context, 'people', ['workspace_id', 'referred_by_id']);

  await createTable(context, 'person_companies', [required(text('person_id')), required(text('company_id'))], ['person_id', 'company_id']);
  await index(context, 'person_companies', ['workspace_id', 'company_id']);

  await createRecordTable(context, 'pipelines', [
    required(text('name')), text('description'), required(boolean('is_default')), required(integer('position')),
  ]);
  await index(context, 'pipelines', ['workspace_id', 'name'], { unique: true });

  await createRecordTable(context, 'stages', [
    required(text('pipeline_id')), required(text('name')), required(integer('position')), required(float('probability')), required(text('kind')),
  ]);
  await index(context, 'stages', ['workspace_id', 'pipeline_id', 'position']);

  await createRecordTable(context, 'deals', [
    required(text('name')), integer('amount'), text('currency'), required(text('pipeline_id')), required(text('stage_id')),
    required(text('status')), float('probability'), text('expected_close_date'), text('closed_at'), text('stage_entered_at'),
    text('won_reason'), text('lost_reason'), text('source'), text('company_id'), text('person_id'), text('owner_id'), text('description'),
  ]);
  await index(context, 'deals', ['workspace_id', 'pipeline_id', 'stage_id']);
  await index(context, 'deals', ['workspace_id', 'company_id']);
  await index(context, 'deals', ['workspace_id', 'person_id']);
  await index(context, 'deals', ['workspace_id', 'owner_id']);

  await createRecordTable(context, 'interactions', [
    required(text('channel')), required(text('direction')), text('initiated_by'), required(text('occurred_at')), integer('duration_seconds'),
    text('subject'), text('body'), text('outcome'), text('in_reply_to_id'), text('company_id'), text('deal_id'), text('case_id'), text('owner_id'),
  ]);
  await index(context, 'interactions', ['workspace_id', 'occurred_at']);
  await index(context, 'interactions', ['workspace_id', 'company_id']);
  await index(context, 'interactions', ['workspace_id', 'deal_id']);
  await index(context, 'interactions', ['workspace_id', 'case_id']);
  await index(context, 'interactions', ['workspace_id', 'in_reply_to_id']);

  await createTable(context, 'interaction_participants', [
    required(text('id')), required(text('interaction_id')), required(integer('position')), required(text('person_id')), required(text('role')),
  ], ['id']);
  await index(context, 'interaction_participants', ['workspace_id', 'interaction_id']);
  await index(context, 'interaction_participants', ['workspace_id', 'person_id', 'interaction_id']);

  const activityLinks = [text('person_id'), text('company_id'), text('deal_id'), text('case_id')];
  await createRecordTable(context, 'tasks', [
    required(text('title')), text('description'), text('status'), text('priority'), text('due_at'), text('completed_at'), text('assignee_id'),
    ...activityLinks,
  ]);
  await createRecordTable(context, 'notes', [text('title'), required(text('body')), boolean('is_pinned'), ...activityLinks]);
  for (const table of ['tasks', 'notes']) {
    for (const link of ['person_id', 'company_id', 'deal_id', 'case_id']) await index(context, table, ['workspace_id', link]);
  }
  await index(context, 'tasks', ['workspace_id', 'assignee_id', 'due_at']);

  await createRecordTable(context, 'products', [
    required(text('name')), text('sku'), text('description'), text('category'), integer('price'), integer('cost'),
    required(text('currency')), boolean('is_active'),
  ]);
  await index(context, 'products', ['workspace_id', 'sku'], { unique: true });
  await index(context, 'products', ['workspace_id', 'name']);

  await createRecordTable(context, 'orders', [
    required(text('number')), text('person_id'), text('company_id'), text('status'), text('channel'), required(text('ordered_at')),
    required(text('currency')), integer('subtotal'), integer('discount_total'), integer('total'), integer('cost_total'),
    text('campaign_id'), text('deal_id'),
  ]);
  await index(context, 'orders', ['workspace_id', 'number'], { unique: true });
  await index(context, 'orders', ['workspace_id', 'person_id', 'ordered_at']);
  await index(context, 'orders', ['workspace_id', 'company_id']);
  await index(context, 'orders', ['workspace_id', 'ordered_at']);
  await index(context, 'orders', ['workspace_id', 'campaign_id']);

  await createTable(context, 'order_lines', [
    required(text('id')), required(text('order_id')), required(integer('position')), text('product_id'), text('description'),
    required(float('quantity')), required(integer('unit_price')), integer('unit_cost'), integer('discount'),
  ], ['id']);
  await index(context, 'order_lines', ['workspace_id', 'order_id']);
  await index(context, 'order_lines', ['workspace_id', 'product_id']);

  await createRecordTable(context, 'cases', [
    required(text('subject')), text('description'), text('status'), text('priority'), text('channel'), text('category'),
    text('person_id'), text('company_id'), text('product_id'), text('assignee_id'), text('opened_at'), text('first_response_at'),
    text('resolved_at'), text('closed_at'), float('support_minutes'),
  ]);
  for (const column of ['person_id', 'company_id', 'status', 'assignee_id', 'opened_at']) await index(context, 'cases', ['workspace_id', column]);

  await createRecordTable(context, 'campaigns', [
    required(text('name')), text('channel'), text('status'), text('starts_on'), text('ends_on'), integer('budget'), integer('actual_cost'),
    required(text('currency')), text('description'), text('owner_id'),
  ]);

  await createRecordTable(context, 'campaign_members', [
    required(text('campaign_id')), required(text('person_id')), text('status'), text('sent_at'), text('opened_at'), text('clicked_at'), text('responded_at'),
  ]);
  await index(context, 'campaign_members', ['workspace_id', 'campaign_id', 'person_id'], { unique: true });
  await index(context, 'campaign_members', ['workspace_id', 'person_id']);

  await createRecordTable(context, 'survey_responses', [
    required(text('kind')), required(integer('score')), text('comment'), required(text('responded_at')),
    required(text('person_id')), text('case_id'), text('campaign_id'),
  ]);
  await index(context, 'survey_responses', ['workspace_id', 'person_id', 'responded_at']);
  await index(context, 'survey_responses', ['workspace_id', 'case_id']);
  await index(context, 'survey_responses', ['workspace_id', 'responded_at']);

  await createRecordTable(context, 'tags', [required(text('name')), text('color')]);
  await index(context, 'tags', ['workspace_id', 'name'], { unique: true });

  await createTable(context, 'record_tags', [required(text('object')), required(text('record_id')), required(text('tag_id'))], ['object', 'record_id', 'tag_id']);
  await index(context, 'record_tags', ['workspace_id', 'tag_id']);

  await createRecordTable(context, 'custom_records', [required(text('object'))]);
  await index(context, 'custom_records', ['workspace_id', 'object', 'created_at']);
}
