import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe.each(DIALECTS)('batches and upserts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const count = async (filter: string) => (await t.ok('GET', `/api/v1/objects/people?total=true&limit=1&filter=${encodeURIComponent(filter)}`)).total;

  it('creates 1,000 records in one call', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({ firstName: `Bulk${i}`, email: `bulk${i}@example.com`, source: 'import' }));
    const { data } = await t.ok('POST', '/api/v1/objects/people/batch', { operation: 'create', records });
    expect(data).toHaveLength(1000);
    expect(data[999]).toMatchObject({ firstName: 'Bulk999', email: 'bulk999@example.com', version: 1 });
    expect(await count('firstName startsWith "Bulk"')).toBe(1000);
  });

  it('creates nothing when one record of 1,000 is invalid, and names its index and field', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({ firstName: `Half${i}`, ...(i === 637 ? { birthday: '1990-02-30' } : {}) }));
    const response = await t.call('POST', '/api/v1/objects/people/batch', { operation: 'create', records });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ index: 637, field: 'birthday' })]);
    expect(await count('firstName startsWith "Half"')).toBe(0);
  });

  it('creates nothing when records of one batch collide on a unique field', async () => {
    const response = await t.call('POST', '/api/v1/objects/people/batch', { operation: 'create', records: [{ email: 'twin@example.com' }, { firstName: 'Other' }, { email: 'twin@example.com' }] });
    expect(response.statusCode).toBe(409);
    expect(response.json().errors).toEqual([expect.objectContaining({ index: 2, field: 'email' })]);
    expect(await count('email = "twin@example.com"')).toBe(0);
  });

  it('refuses more than 1,000 records, and empty or malformed batches', async () => {
    const tooMany = await t.call('POST', '/api/v1/objects/people/batch', { operation: 'create', records: Array.from({ length: 1001 }, () => ({})) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].field).toBe('records');
    expect((await t.call('POST', '/api/v1/objects/people/batch', { operation: 'create', records: [] })).statusCode).toBe(400);
    expect((await t.call('POST', '/api/v1/objects/people/batch', { operation: 'merge', records: [{}] })).json().errors[0].field).toBe('operation');
    expect((await t.call('POST', '/api/v1/objects/people/batch', { records: [{}] })).json().errors[0].field).toBe('operation');
  });

  it('updates many records, all or none, checking versions', async () => {
    const { data } = await t.ok('POST', '/api/v1/objects/people/batch', { operation: 'create', records: [{ firstName: 'U1' }, { firstName: 'U2' }] });
    const updated = await t.ok('POST', '/api/v1/objects/people/batch', { operation: 'update', records: [{ id: data[0].id, version: 1, jobTitle: 'A' }, { id: data[1].id, jobTitle: 'B' }] });
    expect(updated.data.map((p: { jobTitle: string; version: number }) => [p.jobTitle, p.version])).toEqual([['A', 2], ['B', 2]]);
    const stale = await t.call('POST', '/api/v1/objects/people/batch', { operation: 'update', records: [{ id: data[1].id, jobTitle: 'C' }, { id: data[0].id, version: 1, jobTitle: 'D' }] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors).toEqual([expect.objectContaining({ index: 1, field: 'version' })]);
    expect((await t.ok('GET', `/api/v1/objects/people/${data[1].id}`)).jobTitle).toBe('B');
    const unknown = await t.call('POST', '/api/v1/objects/people/batch', { operation: 'update', records: [{ id: '01900000-0000-7000-8000-000000000000', jobTitle: 'x' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ index: 0, field: 'id' })]);
    const noId = await t.call('POST', '/api/v1/objects/people/batch', { operation: 'update', records: [{ jobTitle: 'x' }] });
    expect(noId.json().errors).toEqual([expect.objectContaining({ index: 0, field: 'id' })]);
  });

  it('upserts on a unique key: creates the new, updates the known', async () => {
    await t.ok('POST', '/api/v1/objects/people', { email: 'known@example.com', firstName: 'Known' });
    const { data } = await t.ok('POST', '/api/v1/objects/people/upsert', {
      key: 'email',
      records: [{ email: 'KNOWN@example.com', jobTitle: 'Buyer' }, { email: 'new@example.com', firstName: 'New' }],
    });
    expect(data.map((r: { created: boolean }) => r.created)).toEqual([false, true]);
    expect(data[0].record).toMatchObject({ firstName: 'Known', jobTitle: 'Buyer', version: 2 });
    expect(data[1].record).toMatchObject({ firstName: 'New', email: 'new@example.com', version: 1 });
    const badKey = await t.call('POST', '/api/v1/objects/people/upsert', { key: 'firstName', records: [{ firstName: 'x' }] });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().errors[0].field).toBe('key');
    const noKey = await t.call('POST', '/api/v1/objects/people/upsert', { key: 'email', records: [{ firstName: 'x' }] });
    expect(noKey.json().errors).toEqual([expect.objectContaining({ index: 0, field: 'email' })]);
    const missingRequired = await t.call('POST', '/api/v1/objects/companies/upsert', { key: 'domain', records: [{ domain: 'nameless.example' }] });
    expect(missingRequired.json().errors).toEqual([expect.objectContaining({ index: 0, field: 'name' })]);
  });
});
