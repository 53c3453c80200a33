// Named lifecycle hooks (Frappe's lesson): domain modules add behaviour to one object without
// forking the CRUD path. Hooks run inside the write's transaction, in registration order.
// A before-hook may change `record` (including read-only fields it owns) or throw a domain error.
import type { ObjectDefinition } from '@rapport/core';
import type { RecordValues } from './codec.js';
import type { RequestContext } from './context.js';

export interface CreateEvent {
  ctx: RequestContext;
  definition: ObjectDefinition;
  record: RecordValues;
}

export interface UpdateEvent extends CreateEvent {
  previous: RecordValues;
  /** Fields whose value differs from `previous` (after before-hooks, for after-hooks). */
  changes: ReadonlySet<string>;
}

export interface ObjectHooks {
  beforeCreate?(event: CreateEvent): void | Promise<void>;
  afterCreate?(event: CreateEvent): void | Promise<void>;
  beforeUpdate?(event: UpdateEvent): void | Promise<void>;
  afterUpdate?(event: UpdateEvent): void | Promise<void>;
  beforeDelete?(event: CreateEvent): void | Promise<void>;
  afterDelete?(event: CreateEvent): void | Promise<void>;
  afterRestore?(event: CreateEvent): void | Promise<void>;
}

export type HookName = keyof ObjectHooks;

export class HookRegistry {
  readonly #hooks = new Map<string, ObjectHooks[]>();

  /** Adds hooks for records of `object` (an API name such as `deals`), or of every object with `*`. */
  register(object: string, hooks: ObjectHooks): void {
    this.#hooks.set(object, [...(this.#hooks.get(object) ?? []), hooks]);
  }

  async run<N extends HookName>(name: N, event: Parameters<NonNullable<ObjectHooks[N]>>[0]): Promise<void> {
    for (const hooks of [...(this.#hooks.get(event.definition.name) ?? []), ...(this.#hooks.get('*') ?? [])]) {
      const hook = hooks[name] as ((event: unknown) => void | Promise<void>) | undefined;
      if (hook) await hook.call(hooks, event);
    }
  }
}
