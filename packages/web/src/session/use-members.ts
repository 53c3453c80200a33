// The workspace's members (every signed-in role may list them): names for user fields and for
// who made a change, and the choices of an owner or assignee picker.
import { useQuery } from '@tanstack/react-query';
import { listMembers } from '../api/settings';

export const MEMBERS_KEY = ['settings', 'members'] as const;

export function useMembers(isEnabled = true) {
  return useQuery({ queryKey: MEMBERS_KEY, queryFn: listMembers, staleTime: 5 * 60_000, enabled: isEnabled });
}
