// The signed-in user's open deals per stage, in pipeline order, with their count and value;
// each stage opens the list of those deals.
import { Anchor, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { quote } from '../api/records';
import type { RecordValues } from '../api/types';
import { ChartCard } from '../relationship/chart-card';
import { fetchMyOpenDeals, fetchPipelines, myDealsFilter, sumByCurrency } from './home-queries';
import { moneyLine } from './money';

export const pipelinesQuery = { queryKey: ['home', 'pipelines'], queryFn: ({ signal }: { signal: AbortSignal }) => fetchPipelines(signal) };

interface StageRow {
  stageId: string;
  label: string;
  deals: RecordValues[];
  order: [number, number];
}

export function MyDealsCard({ userId, currency }: { userId: string; currency: string }) {
  const deals = useQuery({ queryKey: ['home', 'my-deals', userId], queryFn: ({ signal }) => fetchMyOpenDeals(userId, signal) });
  const pipelines = useQuery(pipelinesQuery);
  const error = deals.error ?? pipelines.error;
  const records = deals.data?.records ?? [];

  const rows: StageRow[] = [];
  if (deals.data && pipelines.data) {
    const { stages, pipelines: all } = pipelines.data;
    const byStage = new Map<string, RecordValues[]>();
    for (const deal of records) byStage.set(String(deal.stageId), [...(byStage.get(String(deal.stageId)) ?? []), deal]);
    for (const [stageId, stageDeals] of byStage) {
      const stage = stages.find((candidate) => candidate.id === stageId);
      const pipelineIndex = all.findIndex((pipeline) => pipeline.id === stage?.pipelineId);
      const pipelineName = all.length > 1 && pipelineIndex >= 0 ? `${String(all[pipelineIndex].name)} · ` : '';
      rows.push({ stageId, deals: stageDeals, label: stage ? `${pipelineName}${String(stage.name)}` : 'Unknown stage', order: [pipelineIndex < 0 ? 1e9 : pipelineIndex, Number(stage?.position ?? 1e9)] });
    }
    rows.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  }
  const total = moneyLine(sumByCurrency(records, currency), currency);
  const listHref = (filter: string) => `/objects/deals?sort=-amount&filter=${encodeURIComponent(filter)}`;

  return (
    <ChartCard id="my-deals" title="My open deals" isLoading={deals.isLoading || pipelines.isLoading} error={error}
      empty={deals.isSuccess && records.length === 0 ? 'You own no open deals.' : undefined}
      summary={`${records.length.toLocaleString()} open deal${records.length === 1 ? '' : 's'} worth ${total}${deals.data?.isPartial ? ' (the first ones only)' : ''}.`}
      note={<Anchor component={Link} to={listHref(myDealsFilter(userId))} size="xs">Open all my open deals as a list</Anchor>}>
      <Table.ScrollContainer minWidth={260}>
        <Table fz="sm" aria-label="My open deals by stage" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr><Table.Th scope="col">Stage</Table.Th><Table.Th scope="col" ta="right">Deals</Table.Th><Table.Th scope="col" ta="right">Amount</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.stageId} data-stage={row.label}>
                <Table.Th scope="row" fw="normal">
                  <Anchor component={Link} to={listHref(`${myDealsFilter(userId)} and stageId = ${quote(row.stageId)}`)}>{row.label}</Anchor>
                </Table.Th>
                <Table.Td ta="right">{row.deals.length}</Table.Td>
                <Table.Td ta="right">{moneyLine(sumByCurrency(row.deals, currency), currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </ChartCard>
  );
}
