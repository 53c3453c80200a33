// The signed-in user as a query: null when signed out. Every 401 the API gives clears it,
// which sends the user to the sign-in page.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { whenSignedOut } from '../api/http';
import { ApiProblem } from '../api/problem';
import { fetchSession } from '../api/session';
import type { Action, Session } from '../api/types';

export const SESSION_KEY = ['session'] as const;

async function sessionOrNull(): Promise<Session | null> {
  try {
    return await fetchSession();
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  const queryClient = useQueryClient();
  useEffect(() => {
    whenSignedOut(() => {
      queryClient.setQueryData(SESSION_KEY, null);
    });
    return () => whenSignedOut(undefined);
  }, [queryClient]);
  return useQuery({ queryKey: SESSION_KEY, queryFn: sessionOrNull, staleTime: 5 * 60_000, retry: false });
}

/** Whether the signed-in user may do `action` on `object`. */
export function can(session: Session | null | undefined, object: string, action: Action): boolean {
  return Boolean(session?.permissions.objects[object]?.includes(action));
}
