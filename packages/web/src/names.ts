// The names behind ids: relation fields hold ids, people want names. One map serves every
// object, as ids are UUIDs; users come from the workspace's members.
import { useQuery } from '@tanstack/react-query';
import { api, type FieldDescription, type ObjectDescription, type RecordValues } from './api';

export type Names = ReadonlyMap<string, string>;

/**
 * Fetches the display names of the records that `records` point at through `fields`.
 * @example const names = await namesFor(objects, columns, page.data);
 */
export async function namesFor(objects: readonly ObjectDescription[], fields: readonly FieldDescription[], records: readonly RecordValues[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const byTarget = new Map<string, Set<string>>();
  for (const field of fields) {
    if (field.type !== 'relation' || !field.relation) continue;
    const ids = byTarget.get(field.relation.target) ?? new Set<string>();
    for (const record of records) for (const id of [record[field.name]].flat()) if (typeof id === 'string') ids.add(id);
    byTarget.set(field.relation.target, ids);
  }
  await Promise.all([...byTarget].filter(([, ids]) => ids.size).map(async ([target, ids]) => {
    const definition = objects.find((o) => o.name === target);
    if (!definition) return;
    const list = [...ids];
    for (let start = 0; start < list.length; start += 200) {
      const filter = `id in (${list.slice(start, start + 200).map((id) => JSON.stringify(id)).join(', ')})`;
      const params = new URLSearchParams({ filter, fields: definition.displayField, limit: '200' });
      try {
        const { body } = await api<{ data: RecordValues[] }>('GET', `/objects/${target}?${params}`);
        for (const record of body.data) names.set(record.id, String(record[definition.displayField] ?? ''));
      } catch {
        // A target the user may not read keeps showing ids.
      }
    }
  }));
  return names;
}

/** Members' names by user id. */
export function useMemberNames(): Names {
  const members = useQuery({
    queryKey: ['members'],
    queryFn: async () => (await api<{ data: { userId: string; name: string }[] }>('GET', '/settings/members')).body.data,
    staleTime: 300_000,
  });
  return new Map((members.data ?? []).map((m) => [m.userId, m.name]));
}
