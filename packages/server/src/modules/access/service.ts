// Roles, teams and members of a workspace, and the one function that turns a credential into
// the caller's effective access (role, narrowed by key scopes, with their teams).
import {
  Access, ACTIONS, AREAS, BUILT_IN_ROLES, builtInRole, isScope, VISIBILITIES, type ObjectGrant, type RoleDefinition, type Scope,
} from '@rapport/core';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { Conflict, NotFound, ValidationFailed } from '../../errors.js';
import type { AuditService } from '../audit/service.js';

export interface RoleInput {
  name: string;
  label: string;
  description?: string;
  grants: Record<string, ObjectGrant>;
}

export interface Team {
  id: string;
  name: string;
  managerId: string | null;
  memberIds: string[];
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: string;
  teamIds: string[];
  hasTwoFactor: boolean;
  joinedAt: string;
}

/** Who acts on whose behalf: `user:<id>` or `apiKey:<id>`. */
export interface Actor {
  actor: string;
  ip?: string;
}

export class AccessService {
  constructor(private readonly database: Database, private readonly audit: AuditService) {}

  private db(workspaceId: string): Kysely<any> {
    return this.database.forWorkspace(workspaceId);
  }

  /**
   * The effective access of a user (or an API key's service user) in a workspace.
   * @example const access = await accessService.accessFor(workspaceId, { role: 'salesRep', userId });
   */
  async accessFor(workspaceId: string, who: { role: string; userId?: string; scopes?: readonly Scope[] }): Promise<Access> {
    const role = await this.role(workspaceId, who.role);
    let teamMemberIds: string[] | undefined;
    if (who.userId) {
      const db = this.db(workspaceId);
      const rows = await db.selectFrom('team_members as mine')
        .innerJoin('team_members as them', (join) => join.onRef('them.workspace_id', '=', 'mine.workspace_id').onRef('them.team_id', '=', 'mine.team_id'))
        .select('them.user_id').distinct().where('mine.user_id', '=', who.userId).execute();
      teamMemberIds = [...new Set([who.userId, ...rows.map((row) => row.user_id as string)])];
    }
    return new Access(role, { userId: who.userId, teamMemberIds, scopes: who.scopes });
  }

  /** A role by name: built-in, or the workspace's custom role. An unknown name grants nothing. */
  async role(workspaceId: string, name: string): Promise<RoleDefinition> {
    const builtIn = builtInRole(name);
    if (builtIn) return builtIn;
    const row = await this.db(workspaceId).selectFrom('roles').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? this.#roleOf(row) : { name, label: name, description: 'A role that no longer exists: it grants nothing.', grants: {} };
  }

  #roleOf(row: Record<string, any>): RoleDefinition {
    return { name: row.name, label: row.label, description: row.description ?? '', grants: this.database.dialect.fromDb(row.grants, 'json') as Record<string, ObjectGrant> };
  }

  async roles(workspaceId: string): Promise<RoleDefinition[]> {
    const rows = await this.db(workspaceId).selectFrom('roles').selectAll().orderBy('name').execute();
    return [...BUILT_IN_ROLES, ...rows.map((row) => this.#roleOf(row))];
  }

  /** Whether a role name exists in the workspace (built-in or custom). */
  async roleExists(workspaceId: string, name: string): Promise<boolean> {
    return !!builtInRole(name) || !!(await this.db(workspaceId).selectFrom('roles').select('id').where('name', '=', name).executeTakeFirst());
  }

  async createRole(workspaceId: string, input: RoleInput, by: Actor): Promise<RoleDefinition> {
    checkGrants(input.grants);
    if (builtInRole(input.name)) throw new Conflict(`${input.name} is a built-in role`);
    const now = new Date().toISOString();
    return this.database.dialect.transaction(this.db(workspaceId), async (db) => {
      if (await db.selectFrom('roles').select('id').where('name', '=', input.name).executeTakeFirst()) throw new Conflict(`a role named ${input.name} exists`);
      const id = uuidv7();
      await db.insertInto('roles').values({
        id, name: input.name, label: input.label, description: input.description ?? null,
        grants: this.database.dialect.toDb(input.grants, 'json'), created_at: now, updated_at: now,
      }).execute();
      await this.audit.record(workspaceId, { action: 'role.created', actor: by.actor, ip: by.ip, targetType: 'role', targetId: input.name, details: { grants: input.grants } }, db);
      return { name: input.name, label: input.label, description: input.description ?? '', grants: input.grants };
    });
  }

  async updateRole(workspaceId: string, name: string, input: Omit<RoleInput, 'name'>, by: Actor): Promise<RoleDefinition> {
    checkGrants(input.grants);
    if (builtInRole(name)) throw new Conflict(`${name} is a built-in role and cannot be changed; create a custom role`);
    return this.database.dialect.transaction(this.db(workspaceId), async (db) => {
      const result = await db.updateTable('roles').set({
        label: input.label, description: input.description ?? null, grants: this.database.dialect.toDb(input.grants, 'json'), updated_at: new Date().toISOString(),
      }).where('name', '=', name).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new NotFound(`no custom role named ${name}`);
      await this.audit.record(workspaceId, { action: 'role.updated', actor: by.actor, ip: by.ip, targetType: 'role', targetId: name, details: { grants: input.grants } }, db);
      return { name, label: input.label, description: input.description ?? '', grants: input.grants };
    });
  }

  async deleteRole(workspaceId: string, name: string, by: Actor): Promise<void> {
    if (builtInRole(name)) throw new Conflict(`${name} is a built-in role`);
    await this.database.dialect.transaction(this.db(workspaceId), async (db) => {
      const inUse = await db.selectFrom('workspace_members').select('user_id').where('role', '=', name).executeTakeFirst();
      if (inUse) throw new Conflict(`the role ${name} is still given to members; give them another role first`);
      const result = await db.deleteFrom('roles').where('name', '=', name).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new NotFound(`no custom role named ${name}`);
      await this.audit.record(workspaceId, { action: 'role.deleted', actor: by.actor, ip: by.ip, targetType: 'role', targetId: name }, db);
    });
  }

  async members(workspaceId: string): Promise<Member[]> {
    const db = this.db(workspaceId);
    const rows = await db.selectFrom('workspace_members as m').innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'm.role', 'm.created_at', 'u.email', 'u.name', 'u.totp_enabled_at']).orderBy('u.email').execute();
    const teams = await db.selectFrom('team_members').select(['team_id', 'user_id']).execute();
    return rows.map((row) => ({
      userId: row.user_id, email: row.email, name: row.name, role: row.role, joinedAt: row.created_at, hasTwoFactor: !!row.totp_enabled_at,
      teamIds: teams.filter((team) => team.user_id === row.user_id).map((team) => team.team_id as string),
    }));
  }

  /** Changes a member's role; the caller rotates the member's sessions (a privilege change). */
  async setMemberRole(workspaceId: string, userId: string, role: string, by: Actor): Promise<void> {
    if (!(await this.roleExists(workspaceId, role))) throw new ValidationFailed([{ field: 'role', message: `no role named ${role}` }]);
    await this.database.dialect.transaction(this.db(workspaceId), async (db) => {
      const member = await db.selectFrom('workspace_members').select('role').where('user_id', '=', userId).executeTakeFirst();
      if (!member) throw new NotFound(`no member with id ${userId}`);
      if (member.role === 'admin' && role !== 'admin') await this.#keepAnAdmin(db, userId);
      await db.updateTable('workspace_members').set({ role }).where('user_id', '=', userId).execute();
      await this.audit.record(workspaceId, { action: 'member.roleChanged', actor: by.actor, ip: by.ip, targetType: 'user', targetId: userId, details: { from: member.role, to: role } }, db);
    });
  }

  async removeMember(workspaceId: string, userId: string, by: Actor): Promise<void> {
    await this.database.dialect.transaction(this.db(workspaceId), async (db) => {
      const member = await db.selectFrom('workspace_members').select('role').where('user_id', '=', userId).executeTakeFirst();
      if (!member) throw new NotFound(`no member with id ${userId}`);
      if (member.role === 'admin') await this.#keepAnAdmin(db, userId);
      await db.deleteFrom('team_members').where('user_id', '=', userId).execute();
      await db.deleteFrom('workspace_members').where('user_id', '=', userId).execute();
      await db.updateTable('sessions').set({ revoked_at: new Date().toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
      await this.audit.record(workspaceId, { action: 'member.removed', actor: by.actor, ip: by.ip, targetType: 'user', targetId: userId }, db);
    });
  }

  async #keepAnAdmin(db: Kysely<any>, leaving: string): Promise<void> {
    const other = await db.selectFrom('workspace_members').select('user_id').where('role', '=', 'admin').where('user_id', '!=', leaving).executeTakeFirst();
    if (!other) throw new Conflict('a workspace keeps at least one admin');
  }

  async teams(workspaceId: string): Promise<Team[]> {
    const db = this.db(workspaceId);
    const rows = await db.selectFrom('teams').selectAll().orderBy('name').execute();
    const members = await db.selectFrom('team_members').select(['team_id', 'user_id']).execute();
    return rows.map((row) => ({ id: row.id, name: row.name, managerId: row.manager_id, memberIds: members.filter((m) => m.team_id === row.id).map((m) => m.user_id as string) }));
  }

  /** Creates or replaces a team: its name, manager and members (all members of the workspace). */
  async saveTeam(workspaceId: string, input: { id?: string; name: string; managerId?: string | null; memberIds: string[] }, by: Actor): Promise<Team> {
    const memberIds = [...new Set(input.memberIds)];
    const people = [...new Set([...memberIds, ...(input.managerId ? [input.managerId] : [])])];
    return this.database.dialect.transaction(this.db(workspaceId), async (db) => {
      if (people.length) {
        const known = await db.selectFrom('workspace_members').select('user_id').where('user_id', 'in', people).execute();
        const missing = people.filter((id) => !known.some((row) => row.user_id === id));
        if (missing.length) throw new ValidationFailed([{ field: input.managerId && missing.includes(input.managerId) ? 'managerId' : 'memberIds', message: `not members of this workspace: ${missing.join(', ')}` }]);
      }
      const clash = await db.selectFrom('teams').select('id').where('name', '=', input.name).executeTakeFirst();
      if (clash && clash.id !== input.id) throw new Conflict(`a team named ${input.name} exists`);
      const now = new Date().toISOString();
      const id = input.id ?? uuidv7();
      if (input.id) {
        const result = await db.updateTable('teams').set({ name: input.name, manager_id: input.managerId ?? null, updated_at: now }).where('id', '=', id).executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new NotFound(`no team with id ${id}`);
        await db.deleteFrom('team_members').where('team_id', '=', id).execute();
      } else {
        await db.insertInto('teams').values({ id, name: input.name, manager_id: input.managerId ?? null, created_at: now, updated_at: now }).execute();
      }
      if (memberIds.length) await db.insertInto('team_members').values(memberIds.map((userId) => ({ team_id: id, user_id: userId }))).execute();
      await this.audit.record(workspaceId, { action: input.id ? 'team.updated' : 'team.created', actor: by.actor, ip: by.ip, targetType: 'team', targetId: id, details: { name: input.name, managerId: input.managerId ?? null, memberIds } }, db);
      return { id, name: input.name, managerId: input.managerId ?? null, memberIds };
    });
  }

  async deleteTeam(workspaceId: string, id: string, by: Actor): Promise<void> {
    await this.database.dialect.transaction(this.db(workspaceId), async (db) => {
      await db.deleteFrom('team_members').where('team_id', '=', id).execute();
      const result = await db.deleteFrom('teams').where('id', '=', id).executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new NotFound(`no team with id ${id}`);
      await this.audit.record(workspaceId, { action: 'team.deleted', actor: by.actor, ip: by.ip, targetType: 'team', targetId: id }, db);
    });
  }
}

/** Refuses grants that name an unknown action or visibility. */
function checkGrants(grants: Record<string, ObjectGrant>): void {
  for (const [object, grant] of Object.entries(grants)) {
    if ((AREAS as readonly string[]).includes(object) && object !== 'analytics') {
      throw new ValidationFailed([{ field: `grants.${object}`, message: 'settings and the audit log are for admins only' }]);
    }
    for (const action of grant.actions) {
      if (!(ACTIONS as readonly string[]).includes(action)) throw new ValidationFailed([{ field: `grants.${object}.actions`, message: `unknown action ${action}` }]);
    }
    if (!(VISIBILITIES as readonly string[]).includes(grant.visibility)) throw new ValidationFailed([{ field: `grants.${object}.visibility`, message: `expected ${VISIBILITIES.join(', ')}` }]);
  }
}

export { isScope };
