// /api/v1/settings/…: members and their roles, custom roles, teams, invitations, API keys and the
// workspace's security settings. Admins only; reading roles and teams is open to every member
// (the web app shows who is in which team).
import { ACTIONS, VISIBILITIES } from '@rapport/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Database } from '../../db/database.js';
import { ValidationFailed } from '../../errors.js';
import { Id } from '../../http/conventions.js';
import type { ApiKeyService } from '../auth/api-keys.js';
import type { InvitationService } from '../auth/invitations.js';
import type { SessionService } from '../auth/sessions.js';
import type { AuditService } from '../audit/service.js';
import type { AccessService, Actor } from './service.js';

const RoleName = Type.String({ pattern: '^[a-z][A-Za-z0-9]{0,62}$' });
const Grant = Type.Object({
  actions: Type.Array(Type.Union(ACTIONS.map((a) => Type.Literal(a))), { uniqueItems: true }),
  visibility: Type.Union(VISIBILITIES.map((v) => Type.Literal(v))),
  hiddenFields: Type.Optional(Type.Array(Type.String({ maxLength: 63 }), { maxItems: 200 })),
}, { additionalProperties: false });
const RoleBody = Type.Object({
  name: RoleName,
  label: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  grants: Type.Record(Type.String({ pattern: '^(\\*|[a-z][A-Za-z0-9]{0,62})$' }), Grant),
}, { additionalProperties: false });
const RoleUpdateBody = Type.Object({
  label: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  grants: Type.Record(Type.String({ pattern: '^(\\*|[a-z][A-Za-z0-9]{0,62})$' }), Grant),
}, { additionalProperties: false });
const TeamBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  managerId: Type.Optional(Type.Union([Id, Type.Null()])),
  memberIds: Type.Array(Id, { maxItems: 1000 }),
}, { additionalProperties: false });
const MemberBody = Type.Object({ role: RoleName }, { additionalProperties: false });
const InvitationBody = Type.Object({ email: Type.String({ format: 'email', maxLength: 320 }), role: RoleName }, { additionalProperties: false });
const KeyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  role: Type.Optional(RoleName),
  scopes: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 100 })),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
}, { additionalProperties: false });
const WorkspaceBody = Type.Object({ requiresTwoFactor: Type.Boolean() }, { additionalProperties: false });
const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
const NameParams = Type.Object({ name: RoleName }, { additionalProperties: false });

export interface SettingsRouteDeps {
  access: AccessService;
  invitations: InvitationService;
  apiKeys: ApiKeyService;
  sessions: SessionService;
  audit: AuditService;
  database: Database;
}

function actor(request: FastifyRequest): Actor {
  return { actor: request.ctx.actor, ip: request.ip };
}

export function settingsRoutes(deps: SettingsRouteDeps): FastifyPluginAsync {
  const { access, invitations, apiKeys, sessions } = deps;
  const tags = ['Settings'];
  const admin = { access: 'admin' } as const;
  return async (app) => {
    app.get('/settings/members', { schema: { tags, summary: 'Members, their roles and teams' }, config: { access: 'authenticated' } },
      async (request) => ({ data: await access.members(request.ctx.workspaceId) }));
    app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof MemberBody> }>('/settings/members/:id', {
      schema: { tags, summary: "Change a member's role (ends their sessions)", params: IdParams, body: MemberBody }, config: admin,
    }, async (request) => {
      await access.setMemberRole(request.ctx.workspaceId, request.params.id, request.body.role, actor(request));
      await sessions.revokeAll(request.params.id);
      return { userId: request.params.id, role: request.body.role };
    });
    app.delete<{ Params: Static<typeof IdParams> }>('/settings/members/:id', {
      schema: { tags, summary: 'Remove a member from the workspace', params: IdParams }, config: admin,
    }, async (request, reply) => {
      await access.removeMember(request.ctx.workspaceId, request.params.id, actor(request));
      return reply.status(204).send();
    });

    app.get('/settings/roles', { schema: { tags, summary: 'Built-in and custom roles' }, config: { access: 'authenticated' } },
      async (request) => ({ data: await access.roles(request.ctx.workspaceId) }));
    app.post<{ Body: Static<typeof RoleBody> }>('/settings/roles', { schema: { tags, summary: 'Create a custom role', body: RoleBody }, config: admin },
      async (request, reply) => reply.status(201).send(await access.createRole(request.ctx.workspaceId, request.body, actor(request))));
    app.put<{ Params: Static<typeof NameParams>; Body: Static<typeof RoleUpdateBody> }>('/settings/roles/:name', {
      schema: { tags, summary: 'Change a custom role', params: NameParams, body: RoleUpdateBody }, config: admin,
    }, (request) => access.updateRole(request.ctx.workspaceId, request.params.name, request.body, actor(request)));
    app.delete<{ Params: Static<typeof NameParams> }>('/settings/roles/:name', {
      schema: { tags, summary: 'Delete a custom role no member has', params: NameParams }, config: admin,
    }, async (request, reply) => {
      await access.deleteRole(request.ctx.workspaceId, request.params.name, actor(request));
      return reply.status(204).send();
    });

    app.get('/settings/teams', { schema: { tags, summary: 'Teams with their manager and members' }, config: { access: 'authenticated' } },
      async (request) => ({ data: await access.teams(request.ctx.workspaceId) }));
    app.post<{ Body: Static<typeof TeamBody> }>('/settings/teams', { schema: { tags, summary: 'Create a team', body: TeamBody }, config: admin },
      async (request, reply) => reply.status(201).send(await access.saveTeam(request.ctx.workspaceId, request.body, actor(request))));
    app.put<{ Params: Static<typeof IdParams>; Body: Static<typeof TeamBody> }>('/settings/teams/:id', {
      schema: { tags, summary: 'Replace a team', params: IdParams, body: TeamBody }, config: admin,
    }, (request) => access.saveTeam(request.ctx.workspaceId, { ...request.body, id: request.params.id }, actor(request)));
    app.delete<{ Params: Static<typeof IdParams> }>('/settings/teams/:id', { schema: { tags, summary: 'Delete a team', params: IdParams }, config: admin },
      async (request, reply) => {
        await access.deleteTeam(request.ctx.workspaceId, request.params.id, actor(request));
        return reply.status(204).send();
      });

    app.get('/settings/invitations', { schema: { tags, summary: 'Invitations, open and past' }, config: admin },
      async (request) => ({ data: await invitations.list(request.ctx.workspaceId) }));
    app.post<{ Body: Static<typeof InvitationBody> }>('/settings/invitations', {
      schema: { tags, summary: 'Invite someone by email with a role; returns the one-time link', body: InvitationBody }, config: admin,
    }, async (request, reply) => reply.status(201).send(await invitations.create(request.ctx.workspaceId, request.body, actor(request))));
    app.delete<{ Params: Static<typeof IdParams> }>('/settings/invitations/:id', { schema: { tags, summary: 'Revoke an open invitation', params: IdParams }, config: admin },
      async (request, reply) => {
        await invitations.revoke(request.ctx.workspaceId, request.params.id, actor(request));
        return reply.status(204).send();
      });

    app.get('/settings/api-keys', { schema: { tags, summary: 'API keys (never their secrets)' }, config: admin },
      async (request) => ({ data: await apiKeys.list(request.ctx.workspaceId) }));
    app.post<{ Body: Static<typeof KeyBody> }>('/settings/api-keys', {
      schema: { tags, summary: 'Create an API key with a role and scopes; the key is shown once', body: KeyBody }, config: admin,
    }, async (request, reply) => {
      if (request.body.role && !(await access.roleExists(request.ctx.workspaceId, request.body.role))) {
        throw new ValidationFailed([{ field: 'role', message: `no role named ${request.body.role}` }]);
      }
      return reply.status(201).send(await apiKeys.create(request.ctx.workspaceId, request.body, actor(request)));
    });
    app.delete<{ Params: Static<typeof IdParams> }>('/settings/api-keys/:id', { schema: { tags, summary: 'Revoke an API key', params: IdParams }, config: admin },
      async (request, reply) => {
        await apiKeys.revoke(request.ctx.workspaceId, request.params.id, actor(request));
        return reply.status(204).send();
      });

    app.patch<{ Body: Static<typeof WorkspaceBody> }>('/settings/workspace', {
      schema: { tags, summary: "The workspace's security settings: require two-factor sign-in", body: WorkspaceBody }, config: admin,
    }, async (request) => {
      const { database } = deps;
      await database.system.updateTable('workspaces').set({ requires_two_factor: database.dialect.toDb(request.body.requiresTwoFactor, 'boolean') as never })
        .where('id', '=', request.ctx.workspaceId).execute();
      await deps.audit.record(request.ctx.workspaceId, { action: 'workspace.settingsChanged', actor: request.ctx.actor, ip: request.ip, details: request.body });
      return request.body;
    });
  };
}
