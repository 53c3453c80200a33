// Users and their membership of workspaces. Passwords are hashed with argon2id; a user may
// belong to several workspaces, with one role in each.
import { hash, verify } from '@node-rs/argon2';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';
import { Conflict, ValidationFailed } from '../../errors.js';

export const MIN_PASSWORD_LENGTH = 10;

/** Argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Refuses a password too short to resist guessing. */
export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new ValidationFailed([{ field, message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }]);
}

/** Verified against when the email is unknown, so that a miss costs as long as a hit. */
const DECOY_HASH = hash('decoy password that matches nothing');

export interface NewUser {
  email: string;
  name: string;
  password?: string;
  role: string;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabledAt: string | null;
  recoveryCodes: string[];
}

export interface Membership {
  workspaceId: string;
  slug: string;
  name: string;
  role: string;
  requiresTwoFactor: boolean;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class UserService {
  constructor(private readonly database: Database) {}

  /**
   * Creates a user (or finds one with that email) and makes them a member of the workspace.
   * @example await users.addToWorkspace(workspaceId, { email: 'ada@example.com', name: 'Ada', password: 's3cret-enough', role: 'admin' });
   */
  async addToWorkspace(workspaceId: string, user: NewUser): Promise<{ id: string; created: boolean }> {
    const email = normaliseEmail(user.email);
    const now = new Date().toISOString();
    let existing = await this.database.system.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    const created = !existing;
    if (!existing) {
      existing = { id: uuidv7() };
      await this.database.system.insertInto('users').values({
        id: existing.id, email, name: user.name, password_hash: user.password ? await hashPassword(user.password) : null, created_at: now, updated_at: now,
        totp_secret: null, totp_enabled_at: null, recovery_codes: null,
      }).execute();
    }
    const scoped = this.database.forWorkspace(workspaceId);
    const member = await scoped.selectFrom('workspace_members').select('user_id').where('user_id', '=', existing.id).executeTakeFirst();
    if (member) throw new Conflict(`${email} is already a member of this workspace`);
    await scoped.insertInto('workspace_members').values({ user_id: existing.id, role: user.role, created_at: now }).execute();
    return { id: existing.id, created };
  }

  async byEmail(email: string): Promise<UserRow | undefined> {
    const row = await this.database.system.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
    return row && this.#user(row);
  }

  async byId(id: string): Promise<UserRow | undefined> {
    const row = await this.database.system.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.#user(row);
  }

  #user(row: Record<string, any>): UserRow {
    return {
      id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash, totpSecret: row.totp_secret, totpEnabledAt: row.totp_enabled_at,
      recoveryCodes: (this.database.dialect.fromDb(row.recovery_codes, 'json') as string[] | null) ?? [],
    };
  }

  /** Whether `password` is the user's; takes as long for an unknown user. */
  async checkPassword(user: UserRow | undefined, password: string): Promise<boolean> {
    if (!user?.passwordHash) {
      await verify(await DECOY_HASH, password);
      return false;
    }
    return verify(user.passwordHash, password);
  }

  async setPassword(userId: string, password: string): Promise<void> {
    checkPasswordStrength(password);
    await this.database.system.updateTable('users').set({ password_hash: await hashPassword(password), updated_at: new Date().toISOString() }).where('id', '=', userId).execute();
  }

  async setTwoFactor(userId: string, values: { secret: string | null; enabledAt: string | null; recoveryCodes: string[] | null }): Promise<void> {
    await this.database.system.updateTable('users').set({
      totp_secret: values.secret, totp_enabled_at: values.enabledAt,
      recovery_codes: values.recoveryCodes ? this.database.dialect.toDb(values.recoveryCodes, 'json') : null, updated_at: new Date().toISOString(),
    }).where('id', '=', userId).execute();
  }

  /** The workspaces a user belongs to, oldest membership first. */
  async memberships(userId: string): Promise<Membership[]> {
    const rows = await this.database.system.selectFrom('workspace_members as m').innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
      .select(['w.id', 'w.slug', 'w.name', 'w.requires_two_factor', 'm.role']).where('m.user_id', '=', userId).orderBy('m.created_at').execute();
    return rows.map((row) => ({ workspaceId: row.id, slug: row.slug, name: row.name, role: row.role, requiresTwoFactor: Boolean(row.requires_two_factor) }));
  }
}
