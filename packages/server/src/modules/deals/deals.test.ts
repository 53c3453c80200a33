import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe.each(DIALECTS)('deals and pipelines on %s', (dialect) => {
  let t: TestApp;
  let stages: { id: string; name: string; kind: string; probability: number; pipelineId: string }[];
  const stage = (name: string) => stages.find((s) => s.name === name)!;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    stages = (await t.ok('GET', '/api/v1/objects/stages?sort=position')).data;
  });
  afterAll(() => t.close());

  it('starts every workspace with an ordered pipeline and win probabilities', async () => {
    expect(stages.map((s) => [s.name, s.probability, s.kind])).toEqual([
      ['Qualification', 10, 'open'], ['Needs analysis', 25, 'open'], ['Proposal', 50, 'open'],
      ['Negotiation', 75, 'open'], ['Won', 100, 'won'], ['Lost', 0, 'lost'],
    ]);
    const { data: pipelines } = await t.ok('GET', '/api/v1/objects/pipelines');
    expect(pipelines).toEqual([expect.objectContaining({ name: 'Sales', isDefault: true })]);
  });

  it('derives pipeline, status and probability from the stage', async () => {
    const deal = await t.ok('POST', '/api/v1/objects/deals', { name: 'Big one', amount: 1_000_000, stageId: stage('Proposal').id });
    expect(deal).toMatchObject({ pipelineId: stage('Proposal').pipelineId, status: 'open', probability: 50, currency: 'EUR', closedAt: null });
  });

  it('moves a deal, recording each stage with its time, and closes it as won', async () => {
    const deal = await t.ok('POST', '/api/v1/objects/deals', { name: 'Mover', stageId: stage('Qualification').id });
    const moved = await t.call('POST', `/api/v1/deals/${deal.id}/move`, { stageId: stage('Negotiation').id }, { 'if-match': '"1"' });
    expect(moved.statusCode).toBe(200);
    expect(moved.headers.etag).toBe('"2"');
    expect(moved.json()).toMatchObject({ stageId: stage('Negotiation').id, probability: 75, status: 'open' });
    const won = await t.ok('POST', `/api/v1/deals/${deal.id}/move`, { stageId: stage('Won').id, wonReason: 'Best fit' });
    expect(won).toMatchObject({ status: 'won', probability: 100, closedAt: expect.any(String), wonReason: 'Best fit' });
    const { data: visits } = await t.ok('GET', `/api/v1/deals/${deal.id}/stage-history`);
    expect(visits.map((v: { stageId: string }) => v.stageId)).toEqual([stage('Qualification').id, stage('Negotiation').id, stage('Won').id]);
    expect(visits[0].exitedAt).toEqual(expect.any(String));
    expect(visits[0].timeInStageMs).toBe(Date.parse(visits[0].exitedAt) - Date.parse(visits[0].enteredAt));
    expect(visits[1].fromStageId).toBe(stage('Qualification').id);
    expect(visits[2]).toMatchObject({ exitedAt: null, reason: 'Best fit' });
    const { data: history } = await t.ok('GET', `/api/v1/objects/deals/${deal.id}/history`);
    expect(history.filter((h: { field: string }) => h.field === 'stageId')).toHaveLength(2);
  });

  it('needs a reason to lose a deal', async () => {
    const deal = await t.ok('POST', '/api/v1/objects/deals', { name: 'Loser', stageId: stage('Proposal').id });
    const refused = await t.call('POST', `/api/v1/deals/${deal.id}/move`, { stageId: stage('Lost').id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('lostReason');
    const lost = await t.ok('POST', `/api/v1/deals/${deal.id}/move`, { stageId: stage('Lost').id, lostReason: 'Price' });
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'Price' });
    const reopened = await t.ok('POST', `/api/v1/deals/${deal.id}/move`, { stageId: stage('Proposal').id });
    expect(reopened).toMatchObject({ status: 'open', closedAt: null });
  });

  it('refuses a stage of another pipeline, an unknown stage, a stale move and bad bodies', async () => {
    const other = await t.ok('POST', '/api/v1/objects/pipelines', { name: 'Partners' });
    const partnerStage = await t.ok('POST', '/api/v1/objects/stages', { pipelineId: other.id, name: 'Intro', position: 0, probability: 5 });
    const deal = await t.ok('POST', '/api/v1/objects/deals', { name: 'Strict', stageId: stage('Proposal').id });
    const wrongPipeline = await t.call('PATCH', `/api/v1/objects/deals/${deal.id}`, { pipelineId: other.id });
    expect(wrongPipeline.statusCode).toBe(400);
    const switched = await t.ok('PATCH', `/api/v1/objects/deals/${deal.id}`, { pipelineId: other.id, stageId: partnerStage.id });
    expect(switched).toMatchObject({ pipelineId: other.id, probability: 5 });
    expect((await t.call('POST', `/api/v1/deals/${deal.id}/move`, { stageId: '01900000-0000-7000-8000-000000000000' })).statusCode).toBe(400);
    expect((await t.call('POST', `/api/v1/deals/${deal.id}/move`, { stageId: partnerStage.id }, { 'if-match': '"1"' })).statusCode).toBe(409);
    expect((await t.call('POST', `/api/v1/deals/${deal.id}/move`, {})).json().errors[0].field).toBe('stageId');
    expect((await t.call('POST', `/api/v1/deals/${deal.id}/move`, { stageId: partnerStage.id, colour: 'red' })).json().errors[0].field).toBe('colour');
    expect((await t.call('POST', '/api/v1/deals/01900000-0000-7000-8000-000000000000/move', { stageId: partnerStage.id })).statusCode).toBe(404);
    expect((await t.call('GET', '/api/v1/deals/01900000-0000-7000-8000-000000000000/stage-history')).statusCode).toBe(404);
  });
});
