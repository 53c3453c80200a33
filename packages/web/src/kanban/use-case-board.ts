// The data of the case board: for each status, its newest cases (up to a column's worth) and
// how many it holds in all; a move is a PATCH of the status with If-Match, shown at once and
// rolled back when the server refuses.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listRecords, quote, updateRecord } from '../api/records';
import type { FieldDescription, RecordValues } from '../api/types';

/** Cases loaded per column; the count always covers every case of the status. */
export const COLUMN_LIMIT = 100;
const CASE_FIELDS = ['id', 'version', 'subject', 'status', 'priority', 'openedAt', 'category'];

export interface CaseColumn {
  cases: RecordValues[];
  total: number;
}

export type CaseBoard = Record<string, CaseColumn>;

export const CASE_BOARD_KEY = ['case-board'] as const;

export function useCaseBoard(statusField: FieldDescription | undefined) {
  return useQuery({
    queryKey: CASE_BOARD_KEY,
    enabled: Boolean(statusField),
    queryFn: async ({ signal }): Promise<CaseBoard> => {
      const columns = await Promise.all((statusField?.choices ?? []).map(async (choice) => {
        const page = await listRecords('cases', { filter: `status = ${quote(choice.value)}`, sort: '-openedAt', fields: CASE_FIELDS, limit: COLUMN_LIMIT, total: true }, signal);
        return [choice.value, { cases: page.data, total: page.total ?? page.data.length }] as const;
      }));
      return Object.fromEntries(columns);
    },
  });
}

export interface CaseMove { record: RecordValues; status: string }

/** Moves a case between columns in the cached board. */
function moved(board: CaseBoard, record: RecordValues, to: string): CaseBoard {
  const from = String(record.status);
  if (!board[from] || !board[to]) return board;
  return {
    ...board,
    [from]: { cases: board[from].cases.filter((item) => item.id !== record.id), total: board[from].total - 1 },
    [to]: { cases: [{ ...record, status: to }, ...board[to].cases], total: board[to].total + 1 },
  };
}

export function useMoveCase(onRefused: (error: unknown, record: RecordValues) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ record, status }: CaseMove) => updateRecord('cases', record.id, { status }, record.version),
    onMutate: async ({ record, status }) => {
      await queryClient.cancelQueries({ queryKey: CASE_BOARD_KEY });
      const before = queryClient.getQueryData<CaseBoard>(CASE_BOARD_KEY);
      if (before) queryClient.setQueryData<CaseBoard>(CASE_BOARD_KEY, moved(before, record, status));
      return { before };
    },
    onError: (error, { record }, context) => {
      if (context?.before) queryClient.setQueryData(CASE_BOARD_KEY, context.before);
      onRefused(error, record);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<CaseBoard>(CASE_BOARD_KEY, (board) => board && Object.fromEntries(Object.entries(board).map(([status, column]) => [status, {
        ...column,
        cases: column.cases.map((item) => (item.id === saved.id ? { ...item, ...Object.fromEntries(CASE_FIELDS.filter((name) => name in saved).map((name) => [name, saved[name]])) } : item)),
      }])));
    },
  });
}
