// The search as the user types: the text settles for a moment before it is sent, a request for
// text typed over is cancelled (TanStack Query aborts the signal of a query nobody watches any
// more), and the previous results stay on screen until the next ones arrive.
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchRecords, type SearchGroup, type SearchHit } from '../api/search';

const DEBOUNCE_MS = 200;

/** One result in the order the keyboard walks them: groups in the server's order, then records. */
export interface SearchOption extends SearchHit {
  object: string;
  objectLabel: string;
}

export function flatten(groups: SearchGroup[]): SearchOption[] {
  return groups.flatMap((group) => group.records.map((record) => ({ ...record, object: group.object, objectLabel: group.label })));
}

export function useSearch(text: string) {
  const [settled] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['search', settled],
    enabled: settled.length > 0,
    queryFn: ({ signal }) => searchRecords(settled, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    retry: false,
  });
  const isSettling = text.trim() !== settled;
  return { query, settled, isSettling };
}
