// Open deal value per stage of the default pipeline, as bars; a bar (or its row in the table
// under the chart) opens the list of that stage's deals. Deals in a currency other than the
// pipeline's main one are counted apart rather than added up wrongly.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { quote } from '../api/records';
import { formatMoney } from '../fields/format';
import { ChartCard } from '../relationship/chart-card';
import { BarChart } from './bar-chart';
import { fetchPipelineOpenDeals } from './home-queries';
import { compactMoney } from './money';
import { pipelinesQuery } from './my-deals-card';

export const stageDealsHref = (stageId: string) => `/objects/deals?sort=-amount&filter=${encodeURIComponent(`stageId = ${quote(stageId)}`)}`;

export function PipelineCard({ currency: fallbackCurrency }: { currency: string }) {
  const navigate = useNavigate();
  const pipelines = useQuery(pipelinesQuery);
  const pipeline = pipelines.data?.defaultPipeline;
  const deals = useQuery({
    queryKey: ['home', 'pipeline-deals', pipeline?.id],
    enabled: Boolean(pipeline),
    queryFn: ({ signal }) => fetchPipelineOpenDeals(pipeline!.id, signal),
  });

  const figures = useMemo(() => {
    if (!pipeline || !pipelines.data || !deals.data) return undefined;
    const stages = pipelines.data.stages.filter((stage) => stage.pipelineId === pipeline.id && (stage.kind ?? 'open') === 'open');
    const counts = new Map<string, number>();
    for (const deal of deals.data.records) {
      const code = String(deal.currency || fallbackCurrency);
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    const currency = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallbackCurrency;
    const inCurrency = deals.data.records.filter((deal) => String(deal.currency || fallbackCurrency) === currency);
    const values = stages.map((stage) => inCurrency.filter((deal) => deal.stageId === stage.id).reduce((sum, deal) => sum + (typeof deal.amount === 'number' ? deal.amount : 0), 0));
    const dealCounts = stages.map((stage) => inCurrency.filter((deal) => deal.stageId === stage.id).length);
    return { stages, values, dealCounts, currency, others: deals.data.records.length - inCurrency.length, isPartial: deals.data.isPartial };
  }, [pipeline, pipelines.data, deals.data, fallbackCurrency]);

  const currency = figures?.currency ?? fallbackCurrency;
  const format = useCallback((value: number) => formatMoney(value, currency), [currency]);
  const formatAxis = useCallback((value: number) => compactMoney(value, currency), [currency]);
  const categories = useMemo(() => figures?.stages.map((stage) => String(stage.name)) ?? [], [figures]);
  const total = figures?.values.reduce((sum, value) => sum + value, 0) ?? 0;
  const title = pipeline ? `Pipeline value: ${String(pipeline.name)}` : 'Pipeline value';

  return (
    <ChartCard id="pipeline" title={title} isLoading={pipelines.isLoading || deals.isLoading} error={pipelines.error ?? deals.error}
      empty={pipelines.isSuccess && !pipeline ? 'There is no pipeline yet.' : figures && figures.stages.length === 0 ? 'This pipeline has no open stages.' : undefined}
      summary={figures && `${format(total)} in ${figures.dealCounts.reduce((sum, count) => sum + count, 0).toLocaleString()} open deals.`}
      rows={figures?.stages.map((stage, index) => ({ label: String(stage.name), value: `${format(figures.values[index])} (${figures.dealCounts[index]})`, href: stageDealsHref(stage.id) }))}
      rowHeader={['Stage', 'Open value (deals)']}
      note={figures && [
        'Open deals only. Click a bar to list its deals.',
        figures.others > 0 ? ` ${figures.others} deal${figures.others === 1 ? '' : 's'} in other currencies are not in the bars.` : '',
        figures.isPartial ? ' Only the first deals were read.' : '',
      ].join('')}>
      {figures && (
        <BarChart categories={categories} values={figures.values} format={format} formatAxis={formatAxis}
          description={`Open deal value per stage: ${figures.stages.map((stage, index) => `${String(stage.name)} ${format(figures.values[index])}`).join(', ')}`}
          onPick={(index) => figures.stages[index] && navigate(stageDealsHref(figures.stages[index].id))} />
      )}
    </ChartCard>
  );
}
