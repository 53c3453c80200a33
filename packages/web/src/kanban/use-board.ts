// The data of the deal board: the pipelines, the stages of the chosen one in order, and its
// deals (every page, so that column totals are true), with the move as an optimistic update
// that is rolled back when the server refuses.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listRecords, moveDeal, quote } from '../api/records';
import type { ObjectDescription, RecordValues } from '../api/types';
import { fetchRelationLabels } from '../fields/relation-labels';

/** Deals loaded for one board at most; past this the board says it shows only part. */
export const BOARD_LIMIT = 5000;
const DEAL_FIELDS = ['id', 'version', 'name', 'amount', 'currency', 'stageId', 'companyId', 'status', 'expectedCloseDate'];

export interface Board {
  deals: RecordValues[];
  labels: Record<string, string>;
  isPartial: boolean;
}

export const boardKey = (pipelineId: string) => ['board', pipelineId] as const;

export function usePipelines() {
  return useQuery({ queryKey: ['pipelines'], queryFn: ({ signal }) => listRecords('pipelines', { sort: 'position,name', limit: 200 }, signal).then((page) => page.data) });
}

export function useStages(pipelineId: string | undefined) {
  return useQuery({
    queryKey: ['stages', pipelineId],
    enabled: Boolean(pipelineId),
    queryFn: ({ signal }) => listRecords('stages', { filter: `pipelineId = ${quote(pipelineId!)}`, sort: 'position', limit: 200 }, signal).then((page) => page.data),
  });
}

export function useBoard(pipelineId: string | undefined, objects: ObjectDescription[]) {
  return useQuery({
    queryKey: boardKey(pipelineId ?? ''),
    enabled: Boolean(pipelineId),
    queryFn: async ({ signal }): Promise<Board> => {
      const deals: RecordValues[] = [];
      let cursor: string | undefined;
      do {
        const page = await listRecords('deals', { filter: `pipelineId = ${quote(pipelineId!)}`, sort: '-amount', fields: DEAL_FIELDS, limit: 500, cursor }, signal);
        deals.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && deals.length < BOARD_LIMIT);
      const companyField = objects.find((object) => object.name === 'deals')?.fields.filter((field) => field.name === 'companyId') ?? [];
      return { deals, labels: await fetchRelationLabels(objects, companyField, deals, signal), isPartial: Boolean(cursor) };
    },
  });
}

export interface MoveInput { deal: RecordValues; stageId: string; lostReason?: string }

export function useMoveDeal(pipelineId: string, onRefused: (message: unknown, deal: RecordValues) => void) {
  const queryClient = useQueryClient();
  const key = boardKey(pipelineId);
  const replace = (id: string, change: (deal: RecordValues) => RecordValues) =>
    queryClient.setQueryData<Board>(key, (board) => board && { ...board, deals: board.deals.map((deal) => (deal.id === id ? change(deal) : deal)) });
  return useMutation({
    mutationFn: ({ deal, stageId, lostReason }: MoveInput) => moveDeal(deal.id, stageId, deal.version, lostReason ? { lostReason } : {}),
    onMutate: async ({ deal, stageId }) => {
      await queryClient.cancelQueries({ queryKey: key });
      replace(deal.id, (current) => ({ ...current, stageId }));
      return { before: deal };
    },
    onError: (error, { deal }, context) => {
      replace(deal.id, () => context?.before ?? deal);
      onRefused(error, deal);
    },
    onSuccess: (saved) => {
      replace(saved.id, (current) => ({ ...current, ...Object.fromEntries(DEAL_FIELDS.filter((name) => name in saved).map((name) => [name, saved[name]])) }));
    },
  });
}
