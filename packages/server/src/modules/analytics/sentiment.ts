// The tone of the texts that weigh on a relationship's strength: notes about a person and survey
// comments. Each is scored once, by wink-sentiment, when it is written (hooks below, in the
// write's transaction) and stored beside it: `notes.sentiment`, `survey_responses.comment_sentiment`.
// A recompute reads the stored score; a text never scored (written before scores were stored,
// or bulk-loaded) is scored there and its score written with the chunk's metrics, so an old
// database is backfilled once.
import winkSentiment from 'wink-sentiment';
import type { RecordValues } from '../../engine/codec.js';
import type { RequestContext } from '../../engine/context.js';
import type { ObjectHooks } from '../../engine/hooks.js';
import { updateRows, type RowValues } from '../../db/update-rows.js';

/** Tone of a text in [−1, 1] (wink-sentiment's normalised score is in [−5, 5]). */
export function sentimentOf(text: string): number {
  return Math.max(-1, Math.min(1, winkSentiment(text).normalizedScore / 5));
}

/** The text of a note whose tone counts: its title and body. */
export function noteText(title: unknown, body: unknown): string {
  return [title, body].filter(Boolean).join('. ');
}

/** A survey comment's tone, or null without a comment (nothing to weigh). */
export function commentSentiment(comment: unknown): number | null {
  return typeof comment === 'string' && comment ? sentimentOf(comment) : null;
}

/** Texts scored while reading evidence, to be stored: note ids and survey response ids with their tone. */
export interface ScoredTexts {
  notes: RowValues[];
  comments: RowValues[];
}

/**
 * Stores the tones scored during a recompute (in the caller's transaction) where none is stored
 * yet: a text edited since it was read has been scored by its write, and that score stands.
 */
export async function storeSentiments(ctx: RequestContext, scored: ScoredTexts): Promise<void> {
  await updateRows(ctx.db, ctx.dialect, 'notes', [['sentiment', 'float']], scored.notes, { onlyWhereNull: 'sentiment' });
  await updateRows(ctx.db, ctx.dialect, 'survey_responses', [['comment_sentiment', 'float']], scored.comments, { onlyWhereNull: 'comment_sentiment' });
}

async function scoreNote(ctx: RequestContext, note: RecordValues): Promise<void> {
  await ctx.db.updateTable('notes').set({ sentiment: sentimentOf(noteText(note.title, note.body)) }).where('id', '=', note.id as string).execute();
}

async function scoreComment(ctx: RequestContext, answer: RecordValues): Promise<void> {
  await ctx.db.updateTable('survey_responses').set({ comment_sentiment: commentSentiment(answer.comment) }).where('id', '=', answer.id as string).execute();
}

/** Hooks per object API name: score a text when it is written or changed. */
export const sentimentHooks: Record<string, ObjectHooks> = {
  notes: {
    afterCreate: ({ ctx, record }) => scoreNote(ctx, record),
    async afterUpdate({ ctx, record, changes }) {
      if (changes.has('title') || changes.has('body')) await scoreNote(ctx, record);
    },
  },
  surveyResponses: {
    async afterCreate({ ctx, record }) {
      if (record.comment) await scoreComment(ctx, record);
    },
    async afterUpdate({ ctx, record, changes }) {
      if (changes.has('comment')) await scoreComment(ctx, record);
    },
  },
};
