// What a caller may do to an object: the actions permissions are granted for (SPEC §9.2).

export const ACTIONS = ['read', 'create', 'update', 'delete', 'import', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

/** Who of a role's records a caller sees: the records they own, their teams', or all. */
export const VISIBILITIES = ['own', 'team', 'all'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/**
 * Things that are not records but are guarded like objects: figures computed over many records
 * (`analytics`), the workspace's configuration (`settings`), and the audit log (`audit`).
 */
export const AREAS = ['analytics', 'settings', 'audit'] as const;
export type Area = (typeof AREAS)[number];
