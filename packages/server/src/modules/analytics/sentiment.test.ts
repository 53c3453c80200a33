import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { sentimentOf } from './sentiment.js';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const HAPPY = 'Very happy with the new laptops, great service';
const ANGRY = 'Angry about the late delivery, terrible';

describe.each(DIALECTS)('the tone of notes and survey comments on %s', (dialect) => {
  let t: TestApp;
  const db = () => t.services.database.forWorkspace(t.workspaceId);
  const toneOfNote = async (id: string) => (await db().selectFrom('notes').select('sentiment').where('id', '=', id).executeTakeFirstOrThrow()).sentiment;
  const toneOfAnswer = async (id: string) => (await db().selectFrom('survey_responses').select('comment_sentiment').where('id', '=', id).executeTakeFirstOrThrow()).comment_sentiment;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => NOW });
  });
  afterAll(() => t.close());

  it('is scored once when a text is written, and again when it changes', async () => {
    const person = await t.ok('POST', '/api/v1/objects/people', { firstName: 'Toned' });
    const note = await t.ok('POST', '/api/v1/objects/notes', { personId: person.id, title: 'Visit', body: HAPPY });
    expect(Number(await toneOfNote(note.id))).toBe(sentimentOf(`Visit. ${HAPPY}`));
    await t.ok('PATCH', `/api/v1/objects/notes/${note.id}`, { body: ANGRY });
    expect(Number(await toneOfNote(note.id))).toBe(sentimentOf(`Visit. ${ANGRY}`));
    expect(sentimentOf(ANGRY)).toBeLessThan(0);

    const answer = await t.ok('POST', '/api/v1/objects/surveyResponses', { personId: person.id, kind: 'csat', score: 5, respondedAt: '2026-05-01T10:00:00.000Z', comment: HAPPY });
    expect(Number(await toneOfAnswer(answer.id))).toBe(sentimentOf(HAPPY));
    await t.ok('PATCH', `/api/v1/objects/surveyResponses/${answer.id}`, { comment: null });
    expect(await toneOfAnswer(answer.id)).toBeNull();
    const silent = await t.ok('POST', '/api/v1/objects/surveyResponses', { personId: person.id, kind: 'nps', score: 9, respondedAt: '2026-05-02T10:00:00.000Z' });
    expect(await toneOfAnswer(silent.id)).toBeNull();
  });

  it('is scored by the next recompute where it was never stored, and the metrics are the same as when it was', async () => {
    // Two people with the same history; one's texts lost their stored tone, as in a database
    // from before tones were stored (or a bulk load, which runs no hooks).
    const people = [];
    for (const name of ['Scored', 'Unscored']) {
      const person = await t.ok('POST', '/api/v1/objects/people', { firstName: name });
      await t.ok('POST', '/api/v1/objects/interactions', {
        channel: 'call', direction: 'inbound', initiatedBy: 'customer', occurredAt: '2026-05-20T09:00:00.000Z', durationSeconds: 600, outcome: 'completed',
        participants: [{ personId: person.id, role: 'from' }],
      });
      await t.ok('POST', '/api/v1/objects/notes', { personId: person.id, body: ANGRY });
      await t.ok('POST', '/api/v1/objects/surveyResponses', { personId: person.id, kind: 'csat', score: 2, respondedAt: '2026-05-21T10:00:00.000Z', comment: ANGRY });
      people.push(person);
    }
    const unscored = people[1].id;
    await db().updateTable('notes').set({ sentiment: null }).where('person_id', '=', unscored).execute();
    await db().updateTable('survey_responses').set({ comment_sentiment: null }).where('person_id', '=', unscored).execute();

    const ctx = await t.services.workspaces.contextForSlug(t.slug, 'system');
    await t.services.metrics.recomputeAll(ctx, { refit: true });
    const notes = await db().selectFrom('notes').select('sentiment').where('person_id', '=', unscored).execute();
    const answers = await db().selectFrom('survey_responses').select('comment_sentiment').where('person_id', '=', unscored).execute();
    expect([...notes.map((n) => Number(n.sentiment)), ...answers.map((a) => Number(a.comment_sentiment))]).toEqual([sentimentOf(ANGRY), sentimentOf(ANGRY)]);

    const [scoredDetail, backfilledDetail] = await Promise.all(people.map((p) => t.services.metrics.detail(ctx, 'people', p.id)));
    expect(backfilledDetail!.relationshipStrength).not.toBeNull();
    expect(backfilledDetail!.relationshipStrength).toBe(scoredDetail!.relationshipStrength);
    expect(backfilledDetail!.detail!.strength).toEqual(scoredDetail!.detail!.strength);
  });
});
