// The workspace's object definitions (standard and custom), fetched once per session: they
// drive navigation, list columns, editors and filters.
import { useQuery } from '@tanstack/react-query';
import { listObjects } from '../api/records';
import type { ObjectDescription } from '../api/types';

export const OBJECTS_KEY = ['objects'] as const;

export function useObjects() {
  return useQuery({ queryKey: OBJECTS_KEY, queryFn: listObjects, staleTime: 10 * 60_000 });
}

/** One definition by API name, or undefined while loading or when unknown. */
export function useObjectDefinition(name: string | undefined): { definition?: ObjectDescription; all?: ObjectDescription[]; isLoading: boolean } {
  const objects = useObjects();
  return { definition: objects.data?.find((object) => object.name === name), all: objects.data, isLoading: objects.isLoading };
}
