// The signed-in user and the workspace's objects, shared by every page.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, type Me, type ObjectDescription } from './api';

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return (await api<Me>('GET', '/auth/me')).body;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
}

/** Every object of the workspace with its fields (custom ones included). */
export function useObjects() {
  return useQuery({
    queryKey: ['objects'],
    queryFn: async () => (await api<{ data: ObjectDescription[] }>('GET', '/metadata/objects')).body.data,
    staleTime: 60_000,
  });
}

export function useObject(name: string): ObjectDescription | undefined {
  return useObjects().data?.find((object) => object.name === name);
}
