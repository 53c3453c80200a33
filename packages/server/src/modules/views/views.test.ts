import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { member, type SignedInUser } from '../../../test/support/people.js';

const customers = { object: 'people', name: 'Customers', columns: ['firstName', 'lastName', 'email'], filter: 'lifecycleStage = "customer"', sort: '-createdAt' };

describe.each(DIALECTS)('saved views on %s', (dialect) => {
  let t: TestApp;
  let rep: SignedInUser;
  let otherRep: SignedInUser;
  let manager: SignedInUser;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    rep = await member(t, 'salesRep');
    otherRep = await member(t, 'salesRep');
    manager = await member(t, 'manager');
  });
  afterAll(() => t.close());

  const listed = async (user: SignedInUser, object = 'people') => {
    const response = await user.call('GET', `/api/v1/views?object=${object}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { data: { id: string; name: string; isShared: boolean; isEditable: boolean }[]; canShare: boolean };
  };

  it('saves a personal view that only its owner lists and reads', async () => {
    const created = await rep.call('POST', '/api/v1/views', { ...customers, name: 'My customers' });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({ object: 'people', name: 'My customers', columns: ['firstName', 'lastName', 'email'], filter: 'lifecycleStage = "customer"', sort: '-createdAt', isShared: false, ownerId: rep.userId, isEditable: true, version: 1 });
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/api/v1/views/${view.id}`);
    expect((await rep.call('GET', `/api/v1/views/${view.id}`)).json()).toEqual(view);
    expect((await listed(rep)).data.map((v) => v.id)).toContain(view.id);

    for (const other of [otherRep, manager]) {
      expect((await listed(other)).data.map((v) => v.id)).not.toContain(view.id);
      const read = await other.call('GET', `/api/v1/views/${view.id}`);
      expect(read.statusCode).toBe(404);
      expect(read.headers['content-type']).toContain('application/problem+json');
      expect(read.body).not.toContain('My customers');
      expect((await other.call('PATCH', `/api/v1/views/${view.id}`, { name: 'Taken' })).statusCode).toBe(404);
      expect((await other.call('DELETE', `/api/v1/views/${view.id}`)).statusCode).toBe(404);
    }
    // An admin's API key does not see a member's personal view either.
    expect((await t.call('GET', `/api/v1/views/${view.id}`)).statusCode).toBe(404);
  });

  it('lets admins and managers share a view that every member lists but only they change', async () => {
    expect((await listed(rep)).canShare).toBe(false);
    expect((await listed(manager)).canShare).toBe(true);
    const refused = await rep.call('POST', '/api/v1/views', { ...customers, name: 'Team customers', isShared: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');

    const shared = (await manager.call('POST', '/api/v1/views', { ...customers, name: 'Team customers', isShared: true })).json();
    expect(shared).toMatchObject({ isShared: true, ownerId: manager.userId });
    const seen = (await listed(rep)).data.find((v) => v.id === shared.id);
    expect(seen).toMatchObject({ name: 'Team customers', isShared: true, isEditable: false });
    expect((await listed(rep)).data[0].isShared).toBe(true); // shared views come first
    expect((await rep.call('GET', `/api/v1/views/${shared.id}`)).statusCode).toBe(200);
    expect((await rep.call('PATCH', `/api/v1/views/${shared.id}`, { name: 'Mine now' })).statusCode).toBe(403);
    expect((await rep.call('DELETE', `/api/v1/views/${shared.id}`)).statusCode).toBe(403);
    const mine = (await rep.call('POST', '/api/v1/views', { ...customers, name: 'Personal' })).json();
    expect((await rep.call('PATCH', `/api/v1/views/${mine.id}`, { isShared: true })).statusCode).toBe(403);

    // Another admin or manager may change it; the API key of the workspace is an admin's.
    const renamed = await t.call('PATCH', `/api/v1/views/${shared.id}`, { name: 'Customers (all teams)' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Customers (all teams)', version: 2, isEditable: true });
    expect((await manager.call('DELETE', `/api/v1/views/${shared.id}`)).statusCode).toBe(204);
    expect((await rep.call('GET', `/api/v1/views/${shared.id}`)).statusCode).toBe(404);
  });

  it('makes a shared view personal to whoever unshares it', async () => {
    const shared = (await t.ok('POST', '/api/v1/views', { ...customers, name: 'Was shared', isShared: true }, 201));
    const unshared = await manager.call('PATCH', `/api/v1/views/${shared.id}`, { isShared: false });
    expect(unshared.statusCode, unshared.body).toBe(200);
    expect(unshared.json()).toMatchObject({ isShared: false, ownerId: manager.userId, version: 2 });
    expect((await listed(manager)).data.map((v) => v.id)).toContain(shared.id);
    expect((await listed(rep)).data.map((v) => v.id)).not.toContain(shared.id);
    expect((await t.call('GET', `/api/v1/views/${shared.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const problem = async (user: SignedInUser, body: unknown) => {
      const response = await user.call('POST', '/api/v1/views', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      return response.json().errors as { field: string; message: string; position?: number }[];
    };
    expect((await problem(rep, { ...customers, object: 'spaceships' }))[0]).toMatchObject({ field: 'object', message: 'unknown object spaceships' });
    expect((await problem(rep, { ...customers, columns: ['firstName', 'shoeSize'] }))[0]).toMatchObject({ field: 'columns[1]', message: 'unknown field shoeSize on people' });
    expect((await problem(rep, { ...customers, columns: ['email', 'email'] }))[0].field).toBe('columns[1]');
    expect((await problem(rep, { ...customers, columns: [] }))[0].field).toBe('columns');
    const syntax = (await problem(rep, { ...customers, filter: 'lifecycleStage = ' }))[0];
    expect(syntax).toMatchObject({ field: 'filter', position: 18 });
    expect((await problem(rep, { ...customers, filter: 'nickname = "x"' }))[0]).toMatchObject({ field: 'filter', message: expect.stringContaining('nickname') });
    expect((await problem(rep, { ...customers, sort: 'emails' }))[0].field).toBe('sort');
    expect((await problem(rep, { ...customers, colour: 'red' }))[0].field).toBe('colour');
    expect((await problem(rep, { ...customers, name: '' }))[0].field).toBe('name');

    // Fields hidden from the role do not exist for it: support agents never see customer value.
    const agent = await member(t, 'supportAgent');
    expect((await problem(agent, { ...customers, columns: ['firstName', 'clv'] }))[0]).toMatchObject({ field: 'columns[1]', message: 'unknown field clv on people' });
    expect((await problem(agent, { ...customers, filter: 'clv > 100' }))[0].field).toBe('filter');
    expect((await problem(agent, { ...customers, sort: '-clv' }))[0].field).toBe('sort');
    expect((await manager.call('POST', '/api/v1/views', { ...customers, columns: ['firstName', 'clv'], filter: 'clv > 100' })).statusCode).toBe(201);

    const view = (await rep.call('POST', '/api/v1/views', customers)).json();
    const change = await rep.call('PATCH', `/api/v1/views/${view.id}`, { filter: 'email contains' });
    expect(change.statusCode).toBe(400);
    expect(change.json().errors[0]).toMatchObject({ field: 'filter', position: expect.any(Number) });
    expect((await rep.call('PATCH', `/api/v1/views/${view.id}`, {})).statusCode).toBe(400);
  });

  it('refuses views of objects the role may not read', async () => {
    const agent = await member(t, 'supportAgent');
    expect((await agent.call('GET', '/api/v1/views?object=deals')).statusCode).toBe(403);
    expect((await agent.call('POST', '/api/v1/views', { object: 'deals', name: 'Deals', columns: ['name'] })).statusCode).toBe(403);
    const shared = (await manager.call('POST', '/api/v1/views', { object: 'deals', name: 'Big deals', columns: ['name', 'amount'], filter: 'amount > 100000', isShared: true })).json();
    expect((await agent.call('GET', `/api/v1/views/${shared.id}`)).statusCode).toBe(404);
    expect((await listed(rep, 'deals')).data.map((v) => v.id)).toContain(shared.id);
  });

  it('rejects a stale If-Match with 409 and changes nothing', async () => {
    const view = (await rep.call('POST', '/api/v1/views', customers)).json();
    const first = await rep.call('PATCH', `/api/v1/views/${view.id}`, { columns: ['email', 'firstName'], sort: null }, { 'if-match': '"1"' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ columns: ['email', 'firstName'], sort: null, filter: customers.filter, version: 2 });
    expect(first.headers.etag).toBe('"2"');
    const stale = await rep.call('PATCH', `/api/v1/views/${view.id}`, { name: 'Stale' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toBe('urn:rapport:problem:version-conflict');
    expect((await rep.call('PATCH', `/api/v1/views/${view.id}`, { name: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await rep.call('DELETE', `/api/v1/views/${view.id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(409);
    expect((await rep.call('GET', `/api/v1/views/${view.id}`)).json()).toMatchObject({ name: 'Customers', version: 2 });
    expect((await rep.call('DELETE', `/api/v1/views/${view.id}`, undefined, { 'if-match': '"2"' })).statusCode).toBe(204);
    expect((await rep.call('GET', `/api/v1/views/${view.id}`)).statusCode).toBe(404);
  });

  it('keeps each workspace’s views to itself', async () => {
    const shared = (await t.ok('POST', '/api/v1/views', { ...customers, isShared: true }, 201));
    const other = await t.otherWorkspace();
    expect((await other.call('GET', `/api/v1/views/${shared.id}`)).statusCode).toBe(404);
    expect((await other.call('PATCH', `/api/v1/views/${shared.id}`, { name: 'Hijacked' })).statusCode).toBe(404);
    expect((await other.call('DELETE', `/api/v1/views/${shared.id}`)).statusCode).toBe(404);
    expect((await other.call('GET', '/api/v1/views?object=people')).json().data).toEqual([]);
    expect((await t.ok('GET', `/api/v1/views/${shared.id}`)).name).toBe('Customers');
  });

  it('keeps personal views for signed-in members: an API key may only keep shared ones', async () => {
    const response = await t.call('POST', '/api/v1/views', customers);
    expect(response.statusCode).toBe(422);
    expect(response.json().type).toBe('urn:rapport:problem:business-rule');
  });

  it('lets every role that reads an object keep personal views of it', async () => {
    for (const role of ['admin', 'manager', 'salesRep', 'supportAgent', 'marketer', 'readOnly']) {
      const user = await member(t, role);
      const response = await user.call('POST', '/api/v1/views', { object: 'companies', name: `${role}'s companies`, columns: ['name'] });
      expect(response.statusCode, `${role}: ${response.body}`).toBe(201);
    }
  });
});
