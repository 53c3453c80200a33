// Workspaces (tenants): creating one with its starting pipeline, finding one by slug, and
// building the request context every engine call runs in.
import { SYSTEM_ACCESS, type Access } from '@rapport/core';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.js';
import type { RequestContext } from '../../engine/context.js';
import type { RecordEngine } from '../../engine/engine.js';
import { objectsSeenBy } from '../../engine/object-view.js';
import { Conflict, NotFound, ValidationFailed } from '../../errors.js';
import type { DefinitionRegistry } from '../metadata/registry.js';

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  defaultCurrency: string;
  metadataVersion: number;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

/** The pipeline a new workspace starts with (SPEC §3.4): ordered stages with win probabilities. */
export const DEFAULT_STAGES = [
  { name: 'Qualification', probability: 10, kind: 'open' },
  { name: 'Needs analysis', probability: 25, kind: 'open' },
  { name: 'Proposal', probability: 50, kind: 'open' },
  { name: 'Negotiation', probability: 75, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
] as const;

export class WorkspaceService {
  readonly #scoped = new Map<string, Kysely<any>>();

  constructor(
    private readonly database: Database,
    private readonly registry: DefinitionRegistry,
    private readonly engine: RecordEngine,
  ) {}

  /** A handle scoped to the workspace, reused across requests. */
  scopedDb(workspaceId: string): Kysely<any> {
    let db = this.#scoped.get(workspaceId);
    if (!db) {
      if (this.#scoped.size >= 1000) this.#scoped.delete(this.#scoped.keys().next().value!);
      db = this.database.forWorkspace(workspaceId);
      this.#scoped.set(workspaceId, db);
    }
    return db;
  }

  /**
   * The context for `actor` in a workspace whose version and currency are already known, with
   * the caller's access (full access for the system: CLI, jobs).
   */
  async contextFor(workspace: Pick<Workspace, 'id' | 'metadataVersion' | 'defaultCurrency'>, actor: string, access: Access = SYSTEM_ACCESS): Promise<RequestContext> {
    const db = this.scopedDb(workspace.id);
    const objects = await this.registry.objectsOf(db, this.database.dialect, workspace.id, workspace.metadataVersion);
    return {
      workspaceId: workspace.id,
      actor,
      db,
      dialect: this.database.dialect,
      objects: objectsSeenBy(objects, access),
      defaultCurrency: workspace.defaultCurrency,
      access,
    };
  }

  /** The context for `actor` in the workspace with this slug (CLI, jobs). */
  async contextForSlug(slug: string, actor: string, access: Access = SYSTEM_ACCESS): Promise<RequestContext> {
    const workspace = await this.bySlug(slug);
    if (!workspace) throw new NotFound(`no workspace with slug ${JSON.stringify(slug)}`);
    return this.contextFor(workspace, actor, access);
  }

  async bySlug(slug: string): Promise<Workspace | undefined> {
    return this.#find('slug', slug);
  }

  async byId(id: string): Promise<Workspace | undefined> {
    return this.#find('id', id);
  }

  async #find(column: 'slug' | 'id', value: string): Promise<Workspace | undefined> {
    const row = await this.database.system.selectFrom('workspaces').selectAll().where(column, '=', value).executeTakeFirst();
    return row && { id: row.id, slug: row.slug, name: row.name, defaultCurrency: row.default_currency, metadataVersion: Number(row.metadata_version) };
  }

  async count(): Promise<number> {
    const row = await this.database.system.selectFrom('workspaces').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /**
   * Creates a workspace with the default sales pipeline.
   * @example const workspace = await workspaces.create({ slug: 'acme', name: 'Acme Ltd', defaultCurrency: 'EUR' });
   */
  async create(input: { slug: string; name: string; defaultCurrency?: string }): Promise<Workspace> {
    if (!SLUG.test(input.slug)) throw new ValidationFailed([{ field: 'slug', message: 'use 1–50 lower-case letters, digits and inner hyphens' }]);
    if (await this.bySlug(input.slug)) throw new Conflict(`a workspace with slug ${JSON.stringify(input.slug)} exists`);
    const workspace: Workspace = { id: uuidv7(), slug: input.slug, name: input.name, defaultCurrency: input.defaultCurrency ?? 'EUR', metadataVersion: 0 };
    await this.database.system.insertInto('workspaces').values({
      id: workspace.id, slug: workspace.slug, name: workspace.name, default_currency: workspace.defaultCurrency, created_at: new Date().toISOString(),
    }).execute();
    const ctx = await this.contextFor(workspace, 'system');
    const pipeline = await this.engine.create(ctx, 'pipelines', { name: 'Sales', isDefault: true, position: 0 });
    await this.engine.createMany(ctx, 'stages', DEFAULT_STAGES.map((stage, position) => ({ ...stage, pipelineId: pipeline.id, position })));
    return workspace;
  }
}
