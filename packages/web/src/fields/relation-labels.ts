// Names of related records for relation fields (a deal's company, a note's person), fetched
// in one filtered list request per target object: `id in (…)` with only its display field;
// and names of users for user fields (owner, assignee), from the workspace's members.
import { request } from '../api/http';
import { listRecords, quote } from '../api/records';
import type { FieldDescription, ObjectDescription, RecordValues } from '../api/types';
import type { RelationLabels } from './format';

const CHUNK = 200;

export async function fetchRelationLabels(objects: ObjectDescription[], fields: FieldDescription[], records: RecordValues[], signal?: AbortSignal): Promise<RelationLabels> {
  const idsByTarget = new Map<string, Set<string>>();
  for (const field of fields) {
    const target = field.type === 'relation' ? field.relation?.target : undefined;
    if (!target) continue;
    const ids = idsByTarget.get(target) ?? new Set<string>();
    for (const record of records) {
      const value = record[field.name];
      for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'string') ids.add(id);
    }
    idsByTarget.set(target, ids);
  }
  const labels: RelationLabels = {};
  const members = fields.some((field) => field.type === 'user') ? [(async () => {
    try {
      const { data } = await request<{ data: { userId: string; name: string }[] }>('/settings/members', { signal });
      for (const member of data) labels[member.userId] = member.name;
    } catch {
      // Without the member list, user fields keep showing short ids.
    }
  })()] : [];
  await Promise.all([...members, ...[...idsByTarget].flatMap(([target, ids]) => {
    const definition = objects.find((object) => object.name === target);
    if (!definition || ids.size === 0) return [];
    const all = [...ids];
    const chunks = Array.from({ length: Math.ceil(all.length / CHUNK) }, (_, i) => all.slice(i * CHUNK, (i + 1) * CHUNK));
    return chunks.map(async (chunk) => {
      try {
        const page = await listRecords(target, { filter: `id in (${chunk.map(quote).join(', ')})`, fields: ['id', definition.displayField], limit: CHUNK }, signal);
        for (const record of page.data) labels[record.id] = String(record[definition.displayField] ?? record.id);
      } catch {
        // A target the user may not read keeps showing short ids.
      }
    });
  })]);
  return labels;
}
