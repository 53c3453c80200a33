// The workspace's objects as one role sees them: fields hidden from the role are removed from
// the definitions, so every engine path (read, filter, sort, field selection, validation of
// writes, history, timeline, the OpenAPI document) leaves them out without knowing about roles.
import type { Access, ObjectDefinition } from '@rapport/core';
import type { WorkspaceObjects } from './context.js';

const views = new WeakMap<WorkspaceObjects, Map<string, WorkspaceObjects>>();

/**
 * The objects with the fields `access` hides taken out; the same instance when nothing is hidden.
 * @example objectsSeenBy(ctx.objects, new Access(builtInRole('marketer')!)).get('products') // no `cost`
 */
export function objectsSeenBy(objects: WorkspaceObjects, access: Access): WorkspaceObjects {
  let byRole = views.get(objects);
  if (!byRole) views.set(objects, (byRole = new Map()));
  let view = byRole.get(access.viewKey);
  if (!view) {
    view = hideFields(objects, access);
    byRole.set(access.viewKey, view);
  }
  return view;
}

function hideFields(objects: WorkspaceObjects, access: Access): WorkspaceObjects {
  const all = objects.list();
  if (all.every((definition) => access.hiddenFields(definition.name).length === 0)) return objects;
  const seen = new Map<string, ObjectDefinition>(all.map((definition) => {
    const hidden = new Set(access.hiddenFields(definition.name));
    return [definition.name, hidden.size ? { ...definition, fields: definition.fields.filter((field) => !hidden.has(field.name)) } : definition];
  }));
  const list = [...seen.values()];
  return { version: objects.version, list: () => list, get: (name) => seen.get(name) };
}
