// Shapes the web app reads, taken from the typed client where the API document describes them.
import type { paths } from '@rapport/client';

export type ObjectDescription = paths['/api/v1/metadata/objects']['get']['responses'][200]['content']['application/json']['data'][number];
export type FieldDescription = ObjectDescription['fields'][number];

/** A record of any object, standard or custom: field name → value. */
export type RecordValues = Record<string, unknown> & { id: string; version: number };

export interface Page<T = RecordValues> {
  data: T[];
  nextCursor: string | null;
  total?: number;
}

export interface TimelineEntry {
  kind: string;
  object: string;
  id: string;
  at: string;
  title: string | null;
  data: Record<string, unknown>;
}

/** One field change (or a whole-record event: create, delete, restore) of a record's history. */
export interface HistoryEntry {
  id: string;
  /** Rows written by one save share it. */
  changeId: string;
  operation: 'create' | 'update' | 'delete' | 'restore';
  /** The changed field; null for a whole-record event. */
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  changedAt: string;
  /** `user:<id>`, `apiKey:<id>` or `system`. */
  changedBy: string | null;
}

export type Action = 'read' | 'create' | 'update' | 'delete' | 'import' | 'export';

export interface WorkspaceSummary {
  id: string;
  slug: string;
  name: string;
  role?: string;
}

/** The signed-in user (GET /api/v1/auth/me). */
export interface Session {
  user: { id: string; email: string; name: string; hasTwoFactor?: boolean };
  workspace: WorkspaceSummary;
  role: string;
  workspaces: WorkspaceSummary[];
  permissions: {
    isAdmin: boolean;
    objects: Record<string, Action[]>;
    hiddenFields: Record<string, string[]>;
  };
}
