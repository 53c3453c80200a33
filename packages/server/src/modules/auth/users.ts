// Users and their membership of workspaces. Passwords are hashed with argon2id.
import { hash } from '@node-rs/argon2';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { Conflict } from '../../errors.js';

export const ROLES = ['admin', 'manager', 'salesRep', 'supportAgent', 'marketer', 'readOnly'] as const;
export type Role = (typeof ROLES)[number];

/** Argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export interface NewUser {
  email: string;
  name: string;
  password?: string;
  role: Role;
}

export class UserService {
  constructor(private readonly database: Database) {}

  /**
   * Creates a user (or finds one with that email) and makes them a member of the workspace.
   * @example await users.addToWorkspace(workspaceId, { email: 'ada@example.com', name: 'Ada', password: 's3cret!', role: 'admin' });
   */
  async addToWorkspace(workspaceId: string, user: NewUser): Promise<{ id: string; created: boolean }> {
    const email = user.email.trim().toLowerCase();
    const now = new Date().toISOString();
    let existing = await this.database.system.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    const created = !existing;
    if (!existing) {
      existing = { id: uuidv7() };
      await this.database.system.insertInto('users').values({
        id: existing.id, email, name: user.name, password_hash: user.password ? await hashPassword(user.password) : null, created_at: now, updated_at: now,
      }).execute();
    }
    const scoped = this.database.forWorkspace(workspaceId);
    const member = await scoped.selectFrom('workspace_members').select('user_id').where('user_id', '=', existing.id).executeTakeFirst();
    if (member) throw new Conflict(`${email} is already a member of this workspace`);
    await scoped.insertInto('workspace_members').values({ user_id: existing.id, role: user.role, created_at: now }).execute();
    return { id: existing.id, created };
  }
}
