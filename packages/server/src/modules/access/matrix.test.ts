// The authorization matrix: every route of the API × every built-in role × whose record it is
// (the caller's own, a teammate's, another team's, another workspace's) → the expected status.
// The routes come from the server's own route table: a route without an entry here fails.
// The expectations restate the roles independently of their definitions in core. The table is
// written to docs/security.md; the test fails when that file says something else.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../engine/context.js';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { PASSWORD, TEST_ORIGIN } from '../../../test/support/people.js';

const ROLES = ['admin', 'manager', 'salesRep', 'supportAgent', 'marketer', 'readOnly'] as const;
type Role = (typeof ROLES)[number];
const RELATIONS = ['own', 'teammate', 'otherTeam', 'otherWorkspace'] as const;
type Relation = (typeof RELATIONS)[number];
type Action = 'read' | 'create' | 'update' | 'delete' | 'export';
/** Whose saved view a view route is called on: the caller's personal view, another member's, a shared one, another workspace's. */
const VIEW_RELATIONS = ['own', 'othersPersonal', 'shared', 'otherWorkspace'] as const;
type ViewRelation = (typeof VIEW_RELATIONS)[number];
const ALL: Action[] = ['read', 'create', 'update', 'delete', 'export'];

/** What each role may do with deals and people, and whose records it sees (restated from SPEC §9.2). */
const EXPECTED: Record<'deals' | 'people', Record<Role, { actions: Action[]; sees: 'own' | 'team' | 'all' }>> = {
  deals: {
    admin: { actions: ALL, sees: 'all' }, manager: { actions: ALL, sees: 'all' }, salesRep: { actions: ALL, sees: 'own' },
    supportAgent: { actions: [], sees: 'all' }, marketer: { actions: [], sees: 'all' }, readOnly: { actions: ['read'], sees: 'all' },
  },
  people: {
    admin: { actions: ALL, sees: 'all' }, manager: { actions: ALL, sees: 'all' }, salesRep: { actions: ['read', 'create', 'update'], sees: 'team' },
    supportAgent: { actions: ['read', 'update'], sees: 'all' }, marketer: { actions: ['read', 'create', 'update', 'export'], sees: 'all' }, readOnly: { actions: ['read'], sees: 'all' },
  },
};

/** Admins and managers may do everything with people, so they keep the workspace's shared views of them. */
const VIEW_SHARERS: readonly Role[] = ['admin', 'manager'];

/** Every role but support reads workspace-wide analytics; profitability also needs order costs, hidden from marketers. */
const ANALYTICS_READERS: readonly Role[] = ['admin', 'manager', 'salesRep', 'marketer', 'readOnly'];

function sees(object: 'deals' | 'people', role: Role, relation: Relation): boolean {
  const { sees: scope } = EXPECTED[object][role];
  if (relation === 'otherWorkspace') return false;
  return scope === 'all' || relation === 'own' || (scope === 'team' && relation === 'teammate');
}

interface World {
  t: TestApp;
  users: Record<Role, string>;
  teammate: string;
  outsider: string;
  other: { workspaceId: string; slug: string; call: TestApp['call'] };
  ctx: RequestContext;
  otherCtx: RequestContext;
  stageId: string;
  otherStageId: string;
}

interface Sample {
  world: World;
  role: Role;
  userId: string;
  /** A fresh record of the entry's object, owned as the relation says (record entries only). */
  id?: string;
  object?: 'deals' | 'people';
}

interface Entry {
  /** Saved-view routes run for each view relation with a fresh view of people. */
  views?: { action: 'read' | 'update' | 'delete' };
  /** Record routes run for each relation with a fresh record of each object. */
  records?: { objects: ('deals' | 'people')[]; action: Action; trashed?: boolean };
  /** Object routes without a record: allowed when the role has the action. */
  objectAction?: { object: 'deals' | 'people'; action: Action | Action[] };
  /** Routes every signed-in member may call, admins only, or the roles that read analytics. */
  who?: 'everyone' | 'admin' | 'analytics' | 'profitability' | 'viewSharers';
  /** Public by design: reachable without signing in. */
  isPublic?: true;
  success: number;
  request(sample: Sample): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
}

let unique = 0;
const next = () => `${process.pid}-${++unique}`;

async function freshMember(world: World, role = 'readOnly'): Promise<string> {
  const { id } = await world.t.services.users.addToWorkspace(world.t.workspaceId, { email: `target-${next()}@example.com`, name: 'Target', password: PASSWORD, role });
  return id;
}

const ENTRIES: Record<string, Entry> = {
  'GET /api/v1/objects/:object': { objectAction: { object: 'people', action: 'read' }, success: 200, request: () => ({ url: '/api/v1/objects/people?limit=1' }) },
  'POST /api/v1/objects/:object': { objectAction: { object: 'deals', action: 'create' }, success: 201, request: ({ world }) => ({ url: '/api/v1/objects/deals', body: { name: `New ${next()}`, stageId: world.stageId } }) },
  'POST /api/v1/objects/:object/batch': { objectAction: { object: 'people', action: 'create' }, success: 200, request: () => ({ url: '/api/v1/objects/people/batch', body: { operation: 'create', records: [{ firstName: 'Batch' }] } }) },
  'POST /api/v1/objects/:object/upsert': {
    objectAction: { object: 'people', action: ['create', 'update'] }, success: 200,
    request: () => ({ url: '/api/v1/objects/people/upsert', body: { key: 'email', records: [{ firstName: 'Upsert', email: `up-${next()}@example.com` }] } }),
  },
  'GET /api/v1/objects/:object/export': { objectAction: { object: 'people', action: 'export' }, success: 200, request: () => ({ url: '/api/v1/objects/people/export?fields=firstName' }) },
  'GET /api/v1/search': { who: 'everyone', success: 200, request: () => ({ url: '/api/v1/search?q=Target' }) },
  'GET /api/v1/objects/:object/:id': { records: { objects: ['deals', 'people'], action: 'read' }, success: 200, request: ({ id }) => ({ url: `/api/v1/objects/{object}/${id}` }) },
  'PATCH /api/v1/objects/:object/:id': { records: { objects: ['deals', 'people'], action: 'update' }, success: 200, request: ({ id, object }) => ({ url: `/api/v1/objects/{object}/${id}`, body: object === 'deals' ? { description: 'x' } : { jobTitle: 'x' } }) },
  'DELETE /api/v1/objects/:object/:id': { records: { objects: ['deals', 'people'], action: 'delete' }, success: 200, request: ({ id }) => ({ url: `/api/v1/objects/{object}/${id}` }) },
  'POST /api/v1/objects/:object/:id/restore': { records: { objects: ['deals', 'people'], action: 'delete', trashed: true }, success: 200, request: ({ id }) => ({ url: `/api/v1/objects/{object}/${id}/restore` }) },
  'GET /api/v1/objects/:object/:id/history': { records: { objects: ['deals', 'people'], action: 'read' }, success: 200, request: ({ id }) => ({ url: `/api/v1/objects/{object}/${id}/history` }) },
  'GET /api/v1/objects/:object/:id/timeline': { records: { objects: ['deals', 'people'], action: 'read' }, success: 200, request: ({ id }) => ({ url: `/api/v1/objects/{object}/${id}/timeline` }) },
  'POST /api/v1/deals/:id/move': { records: { objects: ['deals'], action: 'update' }, success: 200, request: ({ id, world }) => ({ url: `/api/v1/deals/${id}/move`, body: { stageId: world.stageId } }) },
  'GET /api/v1/deals/:id/stage-history': { records: { objects: ['deals'], action: 'read' }, success: 200, request: ({ id }) => ({ url: `/api/v1/deals/${id}/stage-history` }) },

  'GET /api/v1/metadata/objects': { who: 'everyone', success: 200, request: () => ({ url: '/api/v1/metadata/objects' }) },
  'GET /api/v1/metadata/objects/:object': { who: 'everyone', success: 200, request: () => ({ url: '/api/v1/metadata/objects/people' }) },
  'POST /api/v1/metadata/objects': { who: 'admin', success: 201, request: () => ({ url: '/api/v1/metadata/objects', body: { name: `thing${next().replace('-', 'x')}`, labelSingular: 'Thing', labelPlural: 'Things' } }) },
  'PATCH /api/v1/metadata/objects/:object': {
    who: 'admin', success: 200,
    request: async ({ world }) => {
      const name = `kept${next().replace('-', 'x')}`;
      await world.t.ok('POST', '/api/v1/metadata/objects', { name, labelSingular: 'Kept', labelPlural: 'Kept' }, 201);
      return { url: `/api/v1/metadata/objects/${name}`, body: { description: 'Kept things' } };
    },
  },
  'DELETE /api/v1/metadata/objects/:object': {
    who: 'admin', success: 204,
    request: async ({ world }) => {
      const name = `gone${next().replace('-', 'x')}`;
      await world.t.ok('POST', '/api/v1/metadata/objects', { name, labelSingular: 'Gone', labelPlural: 'Gone' }, 201);
      return { url: `/api/v1/metadata/objects/${name}` };
    },
  },
  'POST /api/v1/metadata/objects/:object/restore': {
    who: 'admin', success: 200,
    request: async ({ world }) => {
      const name = `back${next().replace('-', 'x')}`;
      await world.t.ok('POST', '/api/v1/metadata/objects', { name, labelSingular: 'Back', labelPlural: 'Back' }, 201);
      await world.t.ok('DELETE', `/api/v1/metadata/objects/${name}`, undefined, 204);
      return { url: `/api/v1/metadata/objects/${name}/restore` };
    },
  },
  'POST /api/v1/metadata/objects/:object/fields': { who: 'admin', success: 201, request: () => ({ url: '/api/v1/metadata/objects/people/fields', body: { name: `note${next().replace('-', 'x')}`, label: 'Note', type: 'text' } }) },
  'GET /api/v1/metadata/objects/:object/deleted-fields': { who: 'admin', success: 200, request: () => ({ url: '/api/v1/metadata/objects/people/deleted-fields' }) },
  'PATCH /api/v1/metadata/objects/:object/fields/:field': {
    who: 'admin', success: 200,
    request: async ({ world }) => ({ url: `/api/v1/metadata/objects/people/fields/${await customField(world)}`, body: { label: 'Renamed' } }),
  },
  'DELETE /api/v1/metadata/objects/:object/fields/:field': {
    who: 'admin', success: 204, request: async ({ world }) => ({ url: `/api/v1/metadata/objects/people/fields/${await customField(world)}` }),
  },
  'POST /api/v1/metadata/objects/:object/fields/:field/restore': {
    who: 'admin', success: 200, request: async ({ world }) => ({ url: `/api/v1/metadata/objects/people/fields/${await customField(world, true)}/restore` }),
  },
  'POST /api/v1/metadata/objects/:object/fields/:field/purge': {
    who: 'admin', success: 200, request: async ({ world }) => ({ url: `/api/v1/metadata/objects/people/fields/${await customField(world, true)}/purge` }),
  },

  'POST /api/v1/auth/sign-up': { isPublic: true, success: 201, request: () => ({ url: '/api/v1/auth/sign-up' }) },
  'POST /api/v1/auth/sign-in': { isPublic: true, success: 200, request: () => ({ url: '/api/v1/auth/sign-in' }) },
  'POST /api/v1/auth/password-reset': { isPublic: true, success: 202, request: () => ({ url: '/api/v1/auth/password-reset' }) },
  'POST /api/v1/auth/password-reset/confirm': { isPublic: true, success: 204, request: () => ({ url: '/api/v1/auth/password-reset/confirm' }) },
  'GET /api/v1/invitations/:token': { isPublic: true, success: 200, request: () => ({ url: '/api/v1/invitations/x' }) },
  'POST /api/v1/invitations/:token/accept': { isPublic: true, success: 201, request: () => ({ url: '/api/v1/invitations/x/accept' }) },
  'POST /api/v1/auth/sign-out': { who: 'everyone', success: 204, request: () => ({ url: '/api/v1/auth/sign-out' }) },
  'POST /api/v1/auth/sign-out-everywhere': { who: 'everyone', success: 200, request: () => ({ url: '/api/v1/auth/sign-out-everywhere' }) },
  'GET /api/v1/auth/me': { who: 'everyone', success: 200, request: () => ({ url: '/api/v1/auth/me' }) },
  'POST /api/v1/auth/switch': { who: 'everyone', success: 200, request: ({ world }) => ({ url: '/api/v1/auth/switch', body: { workspace: world.t.slug } }) },
  'POST /api/v1/auth/two-factor/enrol': { who: 'everyone', success: 200, request: () => ({ url: '/api/v1/auth/two-factor/enrol' }) },
  'POST /api/v1/auth/two-factor/confirm': { who: 'everyone', success: 401, request: () => ({ url: '/api/v1/auth/two-factor/confirm', body: { code: '000000' } }) },
  'POST /api/v1/auth/two-factor/disable': { who: 'everyone', success: 401, request: () => ({ url: '/api/v1/auth/two-factor/disable', body: { code: '000000' } }) },

  'GET /api/v1/settings/members': { who: 'everyone', success: 200, request: () => ({ url: '/api/v1/settings/members' }) },
  'PATCH /api/v1/settings/members/:id': { who: 'admin', success: 200, request: async ({ world }) => ({ url: `/api/v1/settings/members/${await freshMember(world)}`, body: { role: 'marketer' } }) },
  'DELETE /api/v1/settings/members/:id': { who: 'admin', success: 204, request: async ({ world }) => ({ url: `/api/v1/settings/members/${await freshMember(world)}` }) },
  'GET /api/v1/settings/roles': { who: 'everyone', success: 200, request: () => ({ url: '/api/v1/settings/roles' }) },
  'POST /api/v1/settings/roles': { who: 'admin', success: 201, request: () => ({ url: '/api/v1/settings/roles', body: { name: `auditor${next().replace('-', 'x')}`, label: 'Auditor', grants: { '*': { actions: ['read'], visibility: 'all' } } } }) },
  'PUT /api/v1/settings/roles/:name': {
    who: 'admin', success: 200,
    request: async ({ world }) => ({ url: `/api/v1/settings/roles/${await customRole(world)}`, body: { label: 'Changed', grants: { people: { actions: ['read'], visibility: 'own' } } } }),
  },
  'DELETE /api/v1/settings/roles/:name': { who: 'admin', success: 204, request: async ({ world }) => ({ url: `/api/v1/settings/roles/${await customRole(world)}` }) },
  'GET /api/v1/settings/teams': { who: 'everyone', success: 200, request: () => ({ url: '/api/v1/settings/teams' }) },
  'POST /api/v1/settings/teams': { who: 'admin', success: 201, request: () => ({ url: '/api/v1/settings/teams', body: { name: `Team ${next()}`, memberIds: [] } }) },
  'PUT /api/v1/settings/teams/:id': { who: 'admin', success: 200, request: async ({ world }) => ({ url: `/api/v1/settings/teams/${await team(world)}`, body: { name: `Renamed ${next()}`, memberIds: [] } }) },
  'DELETE /api/v1/settings/teams/:id': { who: 'admin', success: 204, request: async ({ world }) => ({ url: `/api/v1/settings/teams/${await team(world)}` }) },
  'GET /api/v1/settings/invitations': { who: 'admin', success: 200, request: () => ({ url: '/api/v1/settings/invitations' }) },
  'POST /api/v1/settings/invitations': { who: 'admin', success: 201, request: () => ({ url: '/api/v1/settings/invitations', body: { email: `inv-${next()}@example.com`, role: 'readOnly' } }) },
  'DELETE /api/v1/settings/invitations/:id': {
    who: 'admin', success: 204,
    request: async ({ world }) => ({ url: `/api/v1/settings/invitations/${(await world.t.ok('POST', '/api/v1/settings/invitations', { email: `del-${next()}@example.com`, role: 'readOnly' }, 201)).id}` }),
  },
  'GET /api/v1/settings/api-keys': { who: 'admin', success: 200, request: () => ({ url: '/api/v1/settings/api-keys' }) },
  'POST /api/v1/settings/api-keys': { who: 'admin', success: 201, request: () => ({ url: '/api/v1/settings/api-keys', body: { name: 'matrix', role: 'readOnly', scopes: ['read:*'] } }) },
  'DELETE /api/v1/settings/api-keys/:id': {
    who: 'admin', success: 204, request: async ({ world }) => ({ url: `/api/v1/settings/api-keys/${(await world.t.ok('POST', '/api/v1/settings/api-keys', { name: 'gone' }, 201)).id}` }),
  },
  'PATCH /api/v1/settings/workspace': { who: 'admin', success: 200, request: () => ({ url: '/api/v1/settings/workspace', body: { requiresTwoFactor: false } }) },
  'GET /api/v1/analytics/satisfaction': { who: 'analytics', success: 200, request: () => ({ url: '/api/v1/analytics/satisfaction' }) },
  'GET /api/v1/analytics/retention': { who: 'analytics', success: 200, request: () => ({ url: '/api/v1/analytics/retention' }) },
  'GET /api/v1/analytics/loyalty': { who: 'analytics', success: 200, request: () => ({ url: '/api/v1/analytics/loyalty' }) },
  'GET /api/v1/analytics/profitability': { who: 'profitability', success: 200, request: () => ({ url: '/api/v1/analytics/profitability' }) },
  'GET /api/v1/analytics/people/:id/satisfaction': { records: { objects: ['people'], action: 'read' }, success: 200, request: ({ id }) => ({ url: `/api/v1/analytics/people/${id}/satisfaction` }) },
  'GET /api/v1/analytics/companies/:id/satisfaction': {
    who: 'everyone', success: 200,
    request: async ({ world }) => ({ url: `/api/v1/analytics/companies/${(await world.t.services.engine.create(world.ctx, 'companies', { name: `Co ${next()}` })).id}/satisfaction` }),
  },
  'GET /api/v1/analytics/people/:id/metrics': { records: { objects: ['people'], action: 'read' }, success: 200, request: ({ id }) => ({ url: `/api/v1/analytics/people/${id}/metrics` }) },
  'GET /api/v1/analytics/companies/:id/metrics': {
    who: 'everyone', success: 200,
    request: async ({ world }) => ({ url: `/api/v1/analytics/companies/${(await world.t.services.engine.create(world.ctx, 'companies', { name: `Co ${next()}` })).id}/metrics` }),
  },
  'GET /api/v1/analytics/models': { who: 'analytics', success: 200, request: () => ({ url: '/api/v1/analytics/models' }) },
  'POST /api/v1/analytics/recompute': { who: 'admin', success: 202, request: () => ({ url: '/api/v1/analytics/recompute' }) },
  'GET /api/v1/audit': { who: 'admin', success: 200, request: () => ({ url: '/api/v1/audit' }) },
  'GET /api/v1/views': { who: 'everyone', success: 200, request: () => ({ url: '/api/v1/views?object=people' }) },
  'POST /api/v1/views': { who: 'viewSharers', success: 201, request: () => ({ url: '/api/v1/views', body: { object: 'people', name: `Shared ${next()}`, columns: ['firstName', 'email'], isShared: true } }) },
  'GET /api/v1/views/:id': { views: { action: 'read' }, success: 200, request: ({ id }) => ({ url: `/api/v1/views/${id}` }) },
  'PATCH /api/v1/views/:id': { views: { action: 'update' }, success: 200, request: ({ id }) => ({ url: `/api/v1/views/${id}`, body: { name: `Renamed ${next()}` } }) },
  'DELETE /api/v1/views/:id': { views: { action: 'delete' }, success: 204, request: ({ id }) => ({ url: `/api/v1/views/${id}` }) },
  'GET /api/v1/openapi.json': { who: 'everyone', success: 200, request: () => ({ url: '/api/v1/openapi.json' }) },
};

async function customField(world: World, trashed = false): Promise<string> {
  const name = `f${next().replace('-', 'x')}`;
  await world.t.ok('POST', '/api/v1/metadata/objects/people/fields', { name, label: 'F', type: 'text' }, 201);
  if (trashed) await world.t.ok('DELETE', `/api/v1/metadata/objects/people/fields/${name}`, undefined, 204);
  return name;
}

async function customRole(world: World): Promise<string> {
  const name = `temp${next().replace('-', 'x')}`;
  await world.t.ok('POST', '/api/v1/settings/roles', { name, label: 'Temp', grants: {} }, 201);
  return name;
}

async function team(world: World): Promise<string> {
  return (await world.t.ok('POST', '/api/v1/settings/teams', { name: `T ${next()}`, memberIds: [] }, 201)).id;
}

/** A fresh record; its name carries a marker that must never appear in a refusal. */
async function record(world: World, object: 'deals' | 'people', relation: Relation, role: Role, trashed: boolean): Promise<{ id: string; marker: string }> {
  const { t } = world;
  const inOther = relation === 'otherWorkspace';
  const ctx = inOther ? world.otherCtx : world.ctx;
  const ownerId = relation === 'own' ? world.users[role] : relation === 'teammate' ? world.teammate : relation === 'otherTeam' ? world.outsider : null;
  const marker = `Secret${next().replace('-', '')}`;
  const values = object === 'deals'
    ? { name: `Deal ${marker}`, stageId: inOther ? world.otherStageId : world.stageId, ownerId }
    : { firstName: 'Target', lastName: marker, ownerId };
  const created = await t.services.engine.create(ctx, object, values);
  if (trashed) await t.services.engine.delete(ctx, object, created.id as string);
  return { id: created.id as string, marker };
}

/** A fresh saved view of people, personal or shared as the relation says. */
async function view(world: World, relation: ViewRelation, role: Role): Promise<{ id: string; marker: string }> {
  const marker = `Secret${next().replace('-', '')}`;
  const body = { object: 'people', name: `View ${marker}`, columns: ['firstName', 'email'], isShared: relation === 'shared' || relation === 'otherWorkspace' };
  const response = relation === 'otherWorkspace' ? await world.other.call('POST', '/api/v1/views', body)
    : relation === 'shared' ? await world.t.call('POST', '/api/v1/views', body)
      : await send(world, relation === 'own' ? world.users[role] : world.teammate, 'POST', { url: '/api/v1/views', body });
  if (response.statusCode !== 201) throw new Error(`view for ${relation}: ${response.statusCode} ${response.body}`);
  return { id: response.json().id, marker };
}

/** The status a role should get, and the cell text for the table. */
function expected(entry: Entry, role: Role, object?: 'deals' | 'people', relation?: Relation | ViewRelation): number {
  if (entry.who === 'everyone') return entry.success;
  if (entry.who === 'viewSharers') return VIEW_SHARERS.includes(role) ? entry.success : 403;
  if (entry.views) {
    if (relation === 'own') return entry.success;
    if (relation !== 'shared') return 404;
    return entry.views.action === 'read' || VIEW_SHARERS.includes(role) ? entry.success : 403;
  }
  if (entry.who === 'admin') return role === 'admin' ? entry.success : 403;
  if (entry.who === 'analytics') return ANALYTICS_READERS.includes(role) ? entry.success : 403;
  if (entry.who === 'profitability') return ANALYTICS_READERS.includes(role) && role !== 'marketer' ? entry.success : 403;
  if (entry.objectAction) {
    const actions = [entry.objectAction.action].flat();
    return actions.every((a) => EXPECTED[entry.objectAction!.object][role].actions.includes(a)) ? entry.success : 403;
  }
  const { action } = entry.records!;
  if (!EXPECTED[object!][role].actions.includes(action)) return 403;
  return sees(object!, role, relation as Relation) ? entry.success : 404;
}

async function send(world: World, userId: string, method: string, request: { url: string; body?: unknown }): Promise<LightMyRequestResponse> {
  const { token } = await world.t.services.sessions.create(world.t.workspaceId, userId);
  return world.t.app.inject({
    method: method as never, url: request.url, headers: { cookie: `rapport_session=${token}`, origin: TEST_ORIGIN },
    ...(request.body !== undefined ? { payload: request.body as never } : {}),
  });
}

describe.each(DIALECTS)('authorization matrix on %s', (dialect) => {
  let world: World;
  const rows: string[] = [];

  beforeAll(async () => {
    const t = await createTestApp(dialect);
    const other = await t.otherWorkspace();
    const users = {} as Record<Role, string>;
    for (const role of ROLES) users[role] = (await t.services.users.addToWorkspace(t.workspaceId, { email: `${role}-${next()}@example.com`, name: role, password: PASSWORD, role })).id;
    const teammate = (await t.services.users.addToWorkspace(t.workspaceId, { email: `mate-${next()}@example.com`, name: 'Mate', password: PASSWORD, role: 'salesRep' })).id;
    const outsider = (await t.services.users.addToWorkspace(t.workspaceId, { email: `out-${next()}@example.com`, name: 'Out', password: PASSWORD, role: 'salesRep' })).id;
    const by = { actor: 'system' };
    await t.services.access.saveTeam(t.workspaceId, { name: 'North', memberIds: [...Object.values(users), teammate] }, by);
    await t.services.access.saveTeam(t.workspaceId, { name: 'South', memberIds: [outsider] }, by);
    const ctx = await t.services.workspaces.contextForSlug(t.slug, 'system');
    const otherCtx = await t.services.workspaces.contextForSlug(other.slug, 'system');
    const stageId = (await t.services.engine.list(ctx, 'stages', { limit: 1, sort: 'position' })).data[0].id as string;
    const otherStageId = (await t.services.engine.list(otherCtx, 'stages', { limit: 1, sort: 'position' })).data[0].id as string;
    world = { t, users, teammate, outsider, other, ctx, otherCtx, stageId, otherStageId };
  }, 60_000);
  afterAll(() => world.t.close());

  it('has an entry for every route the server serves, and no entry for a route it does not', () => {
    const served = world.t.app.routeTable.map((route) => `${route.method} ${route.url}`).sort();
    expect(served.filter((key) => !ENTRIES[key]), 'routes without an entry in the matrix').toEqual([]);
    expect(Object.keys(ENTRIES).filter((key) => !served.includes(key)), 'entries for routes that do not exist').toEqual([]);
    for (const route of world.t.app.routeTable) {
      expect(route.access === 'public', `${route.method} ${route.url} public`).toBe(!!ENTRIES[`${route.method} ${route.url}`].isPublic);
    }
  });

  it('answers every route × role × owner as expected', async () => {
    const failures: string[] = [];
    rows.length = 0;
    for (const [key, entry] of Object.entries(ENTRIES)) {
      const [method, path] = key.split(' ');
      if (entry.isPublic) {
        rows.push(`| \`${method} ${path}\` | ${ROLES.map(() => 'public').join(' | ')} |`);
        continue;
      }
      const objects = entry.records?.objects ?? [undefined];
      for (const object of objects) {
        const cells: string[] = [];
        for (const role of ROLES) {
          const statuses: string[] = [];
          for (const relation of entry.records ? RELATIONS : entry.views ? VIEW_RELATIONS : [undefined]) {
            const target = entry.records ? await record(world, object!, relation as Relation, role, !!entry.records.trashed)
              : entry.views ? await view(world, relation as ViewRelation, role) : undefined;
            const id = target?.id;
            const request = await entry.request({ world, role, userId: world.users[role], id, object });
            request.url = request.url.replace('{object}', object ?? '');
            const response = await send(world, world.users[role], method, request);
            const want = expected(entry, role, object, relation);
            if (response.statusCode !== want) failures.push(`${key} ${object ?? ''} ${role} ${relation ?? ''}: ${response.statusCode}, expected ${want} ${response.body.slice(0, 200)}`);
            if (response.statusCode >= 400) expect(response.headers['content-type'], key).toContain('application/problem+json');
            if (target && response.statusCode >= 400) expect(response.body, `${key} leaks the record`).not.toContain(target.marker);
            statuses.push(String(want));
          }
          cells.push(statuses.join('·'));
        }
        rows.push(`| \`${method} ${path.replace(':object', object ?? entry.objectAction?.object ?? ':object')}\` | ${cells.join(' | ')} |`);
      }
    }
    expect(failures).toEqual([]);
    const table = [
      '# Security: who may call what',
      '',
      'Generated by `packages/server/src/modules/access/matrix.test.ts` from the server\'s own route table;',
      'the test fails when this file differs from what the server does (run it with `RAPPORT_WRITE_DOCS=1` to rewrite).',
      '',
      'Record routes show four statuses per role: the caller\'s **own** record · a **teammate**\'s · **another team**\'s ·',
      '**another workspace**\'s. 404 means "no such record" whether it exists elsewhere or is hidden from the role — the',
      'answer never says which. Saved-view routes show four statuses per role: the caller\'s **own** personal view ·',
      '**another member\'s personal** view · a **shared** view · **another workspace**\'s shared view. `POST /api/v1/views`',
      'shows saving a shared view; every role that reads an object may save personal views of it.',
      'Sign-in, sessions, CSRF, rate limits and field hiding are described in `docs/access.md`.',
      '',
      `| route | ${ROLES.join(' | ')} |`,
      `| --- | ${ROLES.map(() => '---').join(' | ')} |`,
      ...rows,
      '',
    ].join('\n');
    const path = fileURLToPath(new URL('../../../../../docs/security.md', import.meta.url));
    if (process.env.RAPPORT_WRITE_DOCS === '1') writeFileSync(path, table);
    expect(readFileSync(path, 'utf8')).toBe(table);
  }, 180_000);

  it('shows each role only the records it may see in lists', async () => {
    const ids = {} as Record<Relation, string>;
    for (const relation of RELATIONS) ids[relation] = (await record(world, 'deals', relation, 'salesRep', false)).id;
    const listed = async (role: Role) => {
      const response = await send(world, world.users[role], 'GET', { url: `/api/v1/objects/deals?limit=500&filter=${encodeURIComponent(`id in ("${Object.values(ids).join('","')}")`)}` });
      if (response.statusCode === 400) throw new Error(response.body);
      return response.statusCode === 200 ? response.json().data.map((d: { id: string }) => d.id).sort() : response.statusCode;
    };
    expect(await listed('salesRep')).toEqual([ids.own]);
    expect(await listed('manager')).toEqual([ids.own, ids.teammate, ids.otherTeam].sort());
    expect(await listed('supportAgent')).toBe(403);
  });
});
