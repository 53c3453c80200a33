// The tone of each note and survey comment, scored once when the text is written (the analytics
// module's hooks) instead of at every recompute. Null: not scored yet — rows written before
// this migration, or bulk-loaded, are scored by the next recompute and stored then. Frozen once shipped.
import type { MigrationContext } from './builder.js';

export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await db.schema.alterTable('notes').addColumn('sentiment', dialect.columnTypes.float as never).execute();
  await db.schema.alterTable('survey_responses').addColumn('comment_sentiment', dialect.columnTypes.float as never).execute();
}
