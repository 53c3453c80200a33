// The four components over the chosen period and segment, from the analytics API: NPS trend,
// CSAT, cohort retention and the profit whale curve. A click on a point opens the records
// behind it.
import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { fetchProfitability, fetchRetention, fetchSatisfaction, type AnalyticsScope } from '../api/analytics';
import { listRecords, quote } from '../api/records';
import { minorDigits } from '../fields/format';
import { ChartCard } from './chart-card';
import { reportKey } from './snapshot-notice';
import { addMonths, answersInMonth, listUrl, purchasesInMonth, within } from './drill';
import { EChart, type ChartOption } from './echart';
import { count, monthLabel, percent, wholeMoney } from './format';

const GRID = { left: 44, right: 16, top: 32, bottom: 40, containLabel: false } as const;

export const satisfactionQuery = (scope: AnalyticsScope) => ({ queryKey: reportKey('satisfaction', scope), queryFn: ({ signal }: { signal: AbortSignal }) => fetchSatisfaction(scope, signal) });

export function NpsCard({ scope }: { scope: AnalyticsScope }) {
  const navigate = useNavigate();
  const query = useQuery(satisfactionQuery(scope));
  const months = useMemo(() => query.data?.monthly.filter((month) => month.nps !== null) ?? [], [query.data]);
  const option = useMemo<ChartOption>(() => ({
    grid: GRID,
    tooltip: { trigger: 'axis', valueFormatter: (value) => (value === null || value === undefined ? 'no answers' : `${value}`) },
    xAxis: { type: 'category', data: months.map((month) => monthLabel(month.month)) },
    yAxis: { type: 'value', min: -100, max: 100, name: 'NPS' },
    series: [{ type: 'line', name: 'NPS', data: months.map((month) => month.nps), symbolSize: 8, connectNulls: true }],
  }), [months]);
  const nps = query.data?.nps;
  const people = (category: string) => listUrl('people', within(scope.filter, `npsCategory = ${quote(category)}`), { columns: ['fullName', 'email', 'npsCategory', 'csat'] });
  return (
    <ChartCard
      id="nps" title="Net Promoter Score by month" isLoading={query.isLoading} error={query.error}
      empty={nps && nps.answers === 0 ? 'No NPS answers in this period.' : undefined}
      summary={nps && (
        <>
          NPS <strong data-figure="nps">{nps.nps ?? '—'}</strong>
          {nps.interval && <> (95 % interval {nps.interval.low} to {nps.interval.high})</>} from {count(nps.answers)} answers:{' '}
          <Anchor component={Link} to={people('promoter')}>{count(nps.promoters)} promoters</Anchor>,{' '}
          <Anchor component={Link} to={people('passive')}>{count(nps.passives)} passives</Anchor>,{' '}
          <Anchor component={Link} to={people('detractor')}>{count(nps.detractors)} detractors</Anchor>.
        </>
      )}
      rows={months.map((month) => ({ label: monthLabel(month.month), value: String(month.nps), href: listUrl('surveyResponses', answersInMonth('nps', month.month)) }))}
      rowHeader={['Month', 'NPS']}
      note="Promoters (9–10) minus detractors (0–6), in % of the month's answers. Click a month for its answers; the category links list people by their latest answer."
    >
      <EChart option={option} description={`Line chart of NPS by month over ${months.length} months; overall NPS ${nps?.nps ?? 'none'}.`}
        onPick={(event) => { const month = months[event.dataIndex]; if (month) navigate(listUrl('surveyResponses', answersInMonth('nps', month.month))); }} />
    </ChartCard>
  );
}

export function CsatCard({ scope }: { scope: AnalyticsScope }) {
  const navigate = useNavigate();
  const query = useQuery(satisfactionQuery(scope));
  const months = useMemo(() => query.data?.monthly.filter((month) => month.csat !== null) ?? [], [query.data]);
  const option = useMemo<ChartOption>(() => ({
    grid: GRID,
    tooltip: { trigger: 'axis', valueFormatter: (value) => `${value} % satisfied` },
    xAxis: { type: 'category', data: months.map((month) => monthLabel(month.month)) },
    yAxis: { type: 'value', min: 0, max: 100, name: '%' },
    series: [{ type: 'bar', name: 'CSAT', data: months.map((month) => month.csat), itemStyle: { color: '#12b886' } }],
  }), [months]);
  const csat = query.data?.csat;
  return (
    <ChartCard
      id="csat" title="Customer satisfaction (CSAT) by month" isLoading={query.isLoading} error={query.error}
      empty={csat && csat.answers === 0 ? 'No CSAT answers in this period.' : undefined}
      summary={csat && (
        <>CSAT <strong data-figure="csat">{percent(csat.csat)}</strong>{csat.interval && <> (95 % interval {csat.interval.low} to {csat.interval.high} %)</>}: {count(csat.satisfied)} of {count(csat.answers)} answers were 4 or 5.</>
      )}
      rows={months.map((month) => ({ label: monthLabel(month.month), value: percent(month.csat), href: listUrl('surveyResponses', answersInMonth('csat', month.month)) }))}
      rowHeader={['Month', 'CSAT']}
      note="Share of CSAT answers of 4 or 5. Click a month for its answers."
    >
      <EChart option={option} description={`Bar chart of CSAT by month over ${months.length} months; overall ${percent(csat?.csat)}.`}
        onPick={(event) => { const month = months[event.dataIndex]; if (month) navigate(listUrl('surveyResponses', answersInMonth('csat', month.month))); }} />
    </ChartCard>
  );
}

export function CohortCard({ scope }: { scope: AnalyticsScope }) {
  const navigate = useNavigate();
  const query = useQuery({ queryKey: reportKey('retention', scope), queryFn: ({ signal }) => fetchRetention(scope, signal) });
  const cohorts = query.data?.cohorts ?? [];
  const option = useMemo<ChartOption>(() => {
    const width = Math.max(0, ...cohorts.map((cohort) => cohort.retention.length));
    const cells = cohorts.flatMap((cohort, y) => cohort.retention.map((value, x) => [x, y, value]));
    const later = cells.filter(([x]) => x > 0).map(([, , value]) => value);
    return {
      grid: { left: 64, right: 12, top: 8, bottom: 84 },
      tooltip: {
        position: 'top',
        formatter: (params) => {
          const [x, y, value] = (params as { value: number[] }).value;
          const cohort = cohorts[y];
          return `${monthLabel(cohort.cohort)} cohort (${cohort.size} customers)<br/>month ${x}: ${value} % bought<br/>Click: the purchases of ${monthLabel(addMonths(cohort.cohort, x))}`;
        },
      },
      xAxis: { type: 'category', data: Array.from({ length: width }, (_, i) => String(i)), name: 'months after first purchase', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'category', data: cohorts.map((cohort) => cohort.cohort), inverse: true, axisLabel: { interval: Math.max(0, Math.ceil(cohorts.length / 14) - 1), fontSize: 11 } },
      visualMap: { min: 0, max: Math.max(10, ...later), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, itemWidth: 12, text: ['more', 'fewer'], inRange: { color: ['#f1f3f5', '#4c6ef5', '#1a237e'] } },
      series: [{ type: 'heatmap', data: cells, name: 'Retention', emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } } }],
    };
  }, [cohorts]);
  const purchases = (month: string) => listUrl('orders', purchasesInMonth(month), { sort: 'orderedAt', columns: ['number', 'personId', 'orderedAt', 'total', 'status'] });
  const at = (cohortIndex: number, offset: number) => cohorts[cohortIndex]?.retention[offset];
  return (
    <ChartCard
      id="retention" title="Cohort retention" isLoading={query.isLoading} error={query.error}
      empty={query.data && cohorts.length === 0 ? 'No purchases in this period.' : undefined}
      rows={cohorts.map((cohort) => ({ label: `${monthLabel(cohort.cohort)} (${cohort.size})`, value: [1, 3, 6, 12].map((k) => `M${k} ${at(cohorts.indexOf(cohort), k) ?? '—'}`).join(' · '), href: purchases(cohort.cohort) }))}
      rowHeader={['Cohort (customers)', 'Bought again, % of cohort']}
      note="Each row is the customers whose first paid order fell in that month; each cell the share of them who bought again that many months later. Click a cell for the purchases of that calendar month."
    >
      <EChart option={option} height={Math.max(280, 100 + cohorts.length * 8)} description={`Heat map of retention for ${cohorts.length} monthly cohorts by months since first purchase.`}
        onPick={(event) => { const [x, y] = event.value as number[]; const cohort = cohorts[y]; if (cohort) navigate(purchases(addMonths(cohort.cohort, x))); }} />
    </ChartCard>
  );
}

/** The lowest lifetime value among the `top` customers of highest lifetime value, read page by page. */
async function lifetimeValueOfRank(filter: string | undefined, top: number): Promise<number | null> {
  let cursor: string | undefined;
  let seen = 0;
  let last: number | null = null;
  while (seen < top) {
    const page = await listRecords('people', { filter: within(filter, 'not clv isEmpty'), sort: '-clv', fields: ['clv'], limit: Math.min(500, top - seen), cursor });
    for (const person of page.data) if (typeof person.clv === 'number') last = person.clv;
    seen += page.data.length;
    if (!page.nextCursor || page.data.length === 0) break;
    cursor = page.nextCursor;
  }
  return last;
}

export function WhaleCurveCard({ scope, currency }: { scope: AnalyticsScope; currency: string }) {
  const formatMoney = (minor: number, code: string) => wholeMoney(minor, code, minorDigits(code));
  const navigate = useNavigate();
  const query = useQuery({ queryKey: reportKey('profitability', scope), queryFn: ({ signal }) => fetchProfitability(scope, signal) });
  const data = query.data;
  const points = useMemo(() => data?.whaleCurve.points ?? [], [data]);
  const option = useMemo<ChartOption>(() => ({
    grid: { ...GRID, left: 52, bottom: 44 },
    tooltip: { trigger: 'axis', formatter: (params) => {
      const [item] = params as { dataIndex: number }[];
      const point = points[item.dataIndex];
      return `Top ${percent(point.customerShare * 100)} of customers<br/>${percent(point.percentOfTotal)} of total profit (${formatMoney(point.cumulativeProfit, currency)})`;
    } },
    xAxis: { type: 'value', min: 0, max: 100, name: '% of customers, most profitable first', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', name: '% of profit' },
    series: [{ type: 'line', name: 'Cumulative profit', data: points.map((point) => [point.customerShare * 100, point.percentOfTotal]), showSymbol: true, symbolSize: 5, areaStyle: { opacity: 0.1 } }],
  }), [points, currency]);

  const drill = async (index: number) => {
    const point = points[index];
    if (!point || !data) return;
    const top = Math.max(1, Math.round(point.customerShare * data.totals.customers));
    const threshold = await lifetimeValueOfRank(scope.filter, top);
    if (threshold === null) return;
    navigate(listUrl('people', within(scope.filter, `clv >= ${threshold}`), { sort: '-clv', columns: ['fullName', 'email', 'clv', 'rfmSegment'] }));
  };
  const peak = data && data.whaleCurve.totalProfit !== 0 ? (data.whaleCurve.peakProfit / data.whaleCurve.totalProfit) * 100 : null;
  return (
    <ChartCard
      id="profitability" title="Profit whale curve" isLoading={query.isLoading} error={query.error}
      empty={data && points.length === 0 ? 'No customer with a paid order in this period.' : undefined}
      summary={data && (
        <>
          Profit <strong data-figure="profit">{formatMoney(data.totals.profit, currency)}</strong> from {count(data.totals.customers)} customers
          (revenue {formatMoney(data.totals.revenue, currency)} − cost of goods {formatMoney(data.totals.costOfGoods, currency)} − cost to serve {formatMoney(data.totals.costToServe, currency)}).
          {peak !== null && <> The profitable customers alone earn {percent(peak, 0)} of it; {count(data.unprofitableCustomers)} customers lose money.</>}
        </>
      )}
      rows={points.filter((_, i) => i % 10 === 0 || i === points.length - 1).map((point) => ({ label: `Top ${percent(point.customerShare * 100)}`, value: percent(point.percentOfTotal) }))}
      rowHeader={['Customers', 'Share of profit']}
      note="Cumulative profit with customers ranked from most to least profitable; above 100 % the rest lose money. Click a point for those customers, ranked by lifetime value."
    >
      <EChart option={option} description={`Whale curve: cumulative share of profit by share of customers; the curve peaks at ${peak === null ? 'no' : percent(peak, 0)} of total profit.`} onPick={(event) => void drill(event.dataIndex)} />
    </ChartCard>
  );
}
