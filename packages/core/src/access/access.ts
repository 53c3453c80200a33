// A caller's effective access: their role, narrowed by an API key's scopes, applied to their
// own user id and their teams. Pure: the server builds it once per request from stored rows.
import type { Action, Visibility } from './actions.js';
import { AREAS } from './actions.js';
import type { ObjectGrant, RoleDefinition } from './roles.js';

/**
 * API key scopes: `read:<object>` (read, export), `write:<object>` (create, update, delete,
 * import), `<object>` may be `*`; `admin` keeps an admin role's powers over settings.
 */
export type Scope = `read:${string}` | `write:${string}` | 'admin';

const SCOPE = /^(?:admin|(?:read|write):(?:\*|[a-z][A-Za-z0-9]{0,62}))$/;
const READ_ACTIONS: readonly Action[] = ['read', 'export'];

/** Whether a string is a well-formed scope. */
export function isScope(text: string): text is Scope {
  return SCOPE.test(text);
}

/** Areas only admins reach; `*` grants never cover them. */
const ADMIN_AREAS = new Set<string>(AREAS.filter((area) => area !== 'analytics'));

export interface AccessOptions {
  /** The signed-in user, or the service user behind an API key; none for the system. */
  userId?: string;
  /** Users who share a team with the caller (the caller included). */
  teamMemberIds?: readonly string[];
  /** An API key's scopes; absent means the role's full grants. */
  scopes?: readonly Scope[];
}

export class Access {
  readonly role: RoleDefinition;
  readonly userId: string | undefined;
  readonly teamMemberIds: readonly string[];
  readonly #scopes: readonly Scope[] | undefined;

  constructor(role: RoleDefinition, options: AccessOptions = {}) {
    this.role = role;
    this.userId = options.userId;
    this.teamMemberIds = options.teamMemberIds ?? (options.userId ? [options.userId] : []);
    this.#scopes = options.scopes;
  }

  /** Admin powers: settings, users, roles, API keys, the audit log. */
  get isAdmin(): boolean {
    return this.role.isAdmin === true && (!this.#scopes || this.#scopes.includes('admin'));
  }

  #grant(object: string): ObjectGrant | undefined {
    if (ADMIN_AREAS.has(object)) return this.isAdmin ? { actions: ['read', 'create', 'update', 'delete', 'import', 'export'], visibility: 'all' } : undefined;
    return this.role.grants[object] ?? this.role.grants['*'];
  }

  #scopeAllows(object: string, action: Action): boolean {
    if (!this.#scopes) return true;
    const kind = READ_ACTIONS.includes(action) ? 'read' : 'write';
    return this.#scopes.includes(`${kind}:${object}`) || this.#scopes.includes(`${kind}:*`);
  }

  /**
   * Whether the caller may do `action` on `object` (an object name or an area).
   * @example access.can('deals', 'update') // false for a read-only user
   */
  can(object: string, action: Action): boolean {
    const grant = this.#grant(object);
    return !!grant && grant.actions.includes(action) && (ADMIN_AREAS.has(object) || this.#scopeAllows(object, action));
  }

  /** Whose records of `object` the caller sees. */
  visibility(object: string): Visibility {
    return this.#grant(object)?.visibility ?? 'own';
  }

  /**
   * The owners whose records the caller sees, or 'all'. Records without an owner are a shared
   * pool: visible at team level, not at own level.
   */
  visibleOwners(object: string): { owners: readonly string[]; includesUnowned: boolean } | 'all' {
    const visibility = this.visibility(object);
    if (visibility === 'all') return 'all';
    if (visibility === 'own') return { owners: this.userId ? [this.userId] : [], includesUnowned: false };
    return { owners: this.teamMemberIds, includesUnowned: true };
  }

  /** Fields of `object` this caller never sees nor writes. */
  hiddenFields(object: string): readonly string[] {
    return this.#grant(object)?.hiddenFields ?? [];
  }

  /** A key naming what this access hides, for caching per-role views of definitions. */
  get viewKey(): string {
    return `${this.role.name}:${this.role.isBuiltIn ? 'b' : JSON.stringify(this.role.grants)}`;
  }
}

/** Full access for the system itself (CLI, jobs, migrations): no user, sees everything. */
export const SYSTEM_ROLE: RoleDefinition = {
  name: 'system', label: 'System', description: 'The server itself.', isAdmin: true,
  grants: { '*': { actions: ['read', 'create', 'update', 'delete', 'import', 'export'], visibility: 'all' } },
};

export const SYSTEM_ACCESS = new Access(SYSTEM_ROLE);
