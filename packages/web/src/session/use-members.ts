// The workspace's members (every signed-in role may list them): names for user fields and for
// who made a change, and the choices of an owner or assignee picker.
import { useQuery } from '@tanstack/react-query';
import { listMembers, type Member } from '../api/settings';

export const MEMBERS_KEY = ['settings', 'members'] as const;

export function useMembers(isEnabled = true) {
  return useQuery({ queryKey: MEMBERS_KEY, queryFn: listMembers, staleTime: 5 * 60_000, enabled: isEnabled });
}

/** Members' names by user id. */
export function memberNames(members: Pick<Member, 'userId' | 'name' | 'email'>[] | undefined): Record<string, string> {
  return Object.fromEntries((members ?? []).map((member) => [member.userId, member.name || member.email]));
}

/**
 * Who an actor reference (`user:<id>`, `apiKey:<id>`, `system`, as in `createdBy` and in history)
 * names, in words.
 * @example actorName('user:1c9…', { '1c9…': 'Ada Admin' }) // 'Ada Admin'
 */
export function actorName(actor: string | null | undefined, names: Record<string, string>): string {
  if (!actor || actor === 'system') return 'Rapport';
  const [kind, actorId] = actor.split(':');
  if (kind === 'apiKey') return 'An API key';
  return names[actorId ?? ''] ?? 'A former member';
}
