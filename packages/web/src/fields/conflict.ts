// A stale edit (409): what the record looks like now, and which fields changed between the
// version the user saw and the latest one, with the names of related records and users in them.
import type { QueryClient } from '@tanstack/react-query';
import { getRecord } from '../api/records';
import type { FieldDescription, ObjectDescription, RecordValues } from '../api/types';
import { OBJECTS_KEY } from '../session/use-objects';
import type { RelationLabels } from './format';
import { fetchRelationLabels } from './relation-labels';

export interface Conflict {
  /** The record as the user saw it when they started editing. */
  seen: RecordValues;
  latest: RecordValues;
  /** Fields whose value differs between the two, in the definition's order. */
  changes: FieldDescription[];
  labels: RelationLabels;
}

/** Fields (other than bookkeeping: id, version, timestamps) whose value differs between two versions of a record. */
export function changedFields(definition: ObjectDescription, seen: RecordValues, latest: RecordValues): FieldDescription[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return definition.fields.filter((field) => !field.isSystem && (field.name in seen || field.name in latest) && !same(seen[field.name], latest[field.name]));
}

/** Reads the latest version of the record and compares it with the one the user saw. */
export async function loadConflict(queryClient: QueryClient, object: string, seen: RecordValues, labels: RelationLabels = {}): Promise<Conflict> {
  const latest = await getRecord(object, seen.id);
  const objects = queryClient.getQueryData<ObjectDescription[]>(OBJECTS_KEY) ?? [];
  const definition = objects.find((candidate) => candidate.name === object);
  const changes = definition ? changedFields(definition, seen, latest) : [];
  const named = changes.filter((field) => field.type === 'relation' || field.type === 'user');
  const more = named.length ? await fetchRelationLabels(objects, named, [seen, latest]).catch(() => ({})) : {};
  return { seen, latest, changes, labels: { ...labels, ...more } };
}
