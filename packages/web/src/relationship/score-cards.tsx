// Distributions of the scores stored on people (RFM segment, churn risk, relationship strength),
// counted with the records API and the same filters the drill-down opens, so that a bar's
// count is the length of the list it leads to. Stored scores are as of their last computation:
// the period does not apply to them; the segment does.
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { FieldDescription, ObjectDescription } from '../api/types';
import { listRecords, quote } from '../api/records';
import { ChartCard } from './chart-card';
import { bandFilter, bands, listUrl, within, type Band } from './drill';
import { EChart, type ChartOption } from './echart';
import { count } from './format';

interface Slice {
  key: string;
  label: string;
  filter: string;
}

/** How many people each filter selects (one count request per slice), plus one for `rest`. */
function useCounts(slices: Slice[], rest?: string) {
  const all = rest ? [...slices, { key: 'rest', label: '', filter: rest }] : slices;
  const results = useQueries({
    queries: all.map((slice) => ({
      queryKey: ['count', 'people', slice.filter],
      queryFn: ({ signal }: { signal: AbortSignal }) => listRecords('people', { filter: slice.filter, fields: ['id'], limit: 1, total: true }, signal).then((page) => page.total ?? 0),
    })),
  });
  const isLoading = results.some((result) => result.isLoading);
  const error = results.find((result) => result.error)?.error;
  const counts = results.map((result) => result.data ?? 0);
  return { isLoading, error, counts: counts.slice(0, slices.length), rest: rest ? counts[slices.length] : 0 };
}

// Dark enough for white labels (WCAG AA for 12 px bold-ish text on each).
const TILE_COLORS = ['#2b8a3e', '#364fc7', '#5f3dc4', '#0b7285', '#a61e4d', '#c92a2a', '#d9480f', '#495057', '#1864ab', '#5c940d'];

const visible = (people: ObjectDescription, name: string) => people.fields.some((field) => field.name === name);
const columns = (people: ObjectDescription, names: string[]) => names.filter((name) => visible(people, name));

export function RfmCard({ people, segment }: { people: ObjectDescription; segment?: string }) {
  const navigate = useNavigate();
  const field = people.fields.find((candidate) => candidate.name === 'rfmSegment') as FieldDescription | undefined;
  const slices = useMemo(() => (field?.choices ?? []).map((choice) => ({ key: choice.value, label: choice.label, filter: within(segment, `rfmSegment = ${quote(choice.value)}`) })), [field, segment]);
  const { isLoading, error, counts } = useCounts(slices);
  const total = counts.reduce((sum, value) => sum + value, 0);
  const drill = (slice: Slice) => navigate(listUrl('people', slice.filter, { sort: '-relationshipStrength', columns: columns(people, ['fullName', 'email', 'rfmScore', 'rfmSegment', 'clv']) }));
  const option = useMemo<ChartOption>(() => ({
    tooltip: { formatter: (params) => { const item = params as { name: string; value: number }; return `${item.name}: ${count(item.value)} people (${total ? Math.round((item.value / total) * 100) : 0} %)`; } },
    series: [{
      type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, width: '100%', height: '100%', top: 0, left: 0,
      label: { show: true, formatter: (params) => `${params.name}\n${count(params.value as number)}`, fontSize: 12, lineHeight: 16, color: '#fff', textBorderColor: 'rgba(0,0,0,0.45)', textBorderWidth: 2, overflow: 'truncate' },
      itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 },
      data: slices.map((slice, i) => ({ name: slice.label, value: counts[i], itemStyle: { color: TILE_COLORS[i % TILE_COLORS.length] } })).filter((item) => item.value > 0),
    }],
  }), [slices, counts, total]);
  if (!field) return null;
  return (
    <ChartCard
      id="rfm" title="RFM segments" isLoading={isLoading} error={error}
      empty={!isLoading && total === 0 ? 'No person has an RFM segment yet: segments come from paid orders.' : undefined}
      summary={<>{count(total)} people in {slices.filter((_, i) => counts[i] > 0).length} segments by recency, frequency and monetary value.</>}
      rows={slices.map((slice, i) => ({ label: slice.label, value: count(counts[i]), href: listUrl('people', slice.filter) }))}
      rowHeader={['Segment', 'People']}
      note="Current segments, as last computed from each customer's orders. Click a tile for its people."
    >
      <EChart option={option} height={280} description={`Treemap of ${count(total)} people by RFM segment: ${slices.map((slice, i) => `${slice.label} ${counts[i]}`).join(', ')}.`}
        onPick={(event) => { const slice = slices.find((candidate) => candidate.label === event.name); if (slice) drill(slice); }} />
    </ChartCard>
  );
}

interface DistributionProps {
  people: ObjectDescription;
  segment?: string;
}

function Distribution({ people, segment, id, title, field, scale, note, empty, unscored, color, extraColumns }: DistributionProps & {
  id: string; title: string; field: string; scale: Band[]; note: string; empty: string; color: string; extraColumns: string[];
  /** What is said of the people without a score, after their number. */
  unscored: string;
}) {
  const navigate = useNavigate();
  const slices = useMemo(() => scale.map((band) => ({ key: band.label, label: band.label, filter: within(segment, bandFilter(field, band)) })), [scale, segment, field]);
  const { isLoading, error, counts, rest } = useCounts(slices, within(segment, `${field} isEmpty`));
  const total = counts.reduce((sum, value) => sum + value, 0);
  const target = (slice: Slice) => listUrl('people', slice.filter, { sort: `-${field}`, columns: columns(people, ['fullName', 'email', field, ...extraColumns]) });
  const option = useMemo<ChartOption>(() => ({
    grid: { left: 44, right: 12, top: 32, bottom: 40 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => `${count(value as number)} people` },
    xAxis: { type: 'category', data: slices.map((slice) => slice.label), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', name: 'people', minInterval: 1 },
    series: [{ type: 'bar', name: title, data: counts, itemStyle: { color }, barCategoryGap: '8%' }],
  }), [slices, counts, title, color]);
  if (!visible(people, field)) return null;
  return (
    <ChartCard
      id={id} title={title} isLoading={isLoading} error={error}
      empty={!isLoading && total === 0 ? empty : undefined}
      summary={<>{count(total)} people scored{rest ? `; ${count(rest)} ${unscored}` : ''}.</>}
      rows={slices.map((slice, i) => ({ label: slice.label, value: count(counts[i]), href: target(slice) }))}
      rowHeader={['Band', 'People']}
      note={note}
    >
      <EChart option={option} description={`Histogram of ${title.toLowerCase()} for ${count(total)} people: ${slices.map((slice, i) => `${slice.label}: ${counts[i]}`).join(', ')}.`}
        onPick={(event) => { const slice = slices[event.dataIndex]; if (slice) navigate(target(slice)); }} />
    </ChartCard>
  );
}

const CHURN_BANDS = bands(0, 1, 5, (low, high) => `${Math.round(low * 100)}–${Math.round(high * 100)} %`);
const STRENGTH_BANDS = bands(0, 100, 10, (low, high) => `${low}–${high}`);

export function ChurnRiskCard(props: DistributionProps) {
  return (
    <Distribution {...props} id="churn" title="Churn risk" field="churnRisk" scale={CHURN_BANDS} color="#fa5252" extraColumns={['pAlive', 'rfmSegment']}
      empty="No churn-risk scores yet: they appear once the purchase model has been fitted to enough repeat buyers."
      unscored="without one (no paid order, or not computed yet)"
      note="Churn risk is 1 − P(alive) from the purchase model, as last computed. Click a bar for its people, riskiest first." />
  );
}

export function StrengthCard(props: DistributionProps) {
  return (
    <Distribution {...props} id="strength" title="Relationship strength" field="relationshipStrength" scale={STRENGTH_BANDS} color="#7950f2" extraColumns={['lifecycleStage']}
      empty="No relationship strength yet: it comes from interactions."
      unscored="without one (no interaction, or not computed yet)"
      note="0–100 from the time, frequency, reciprocity and intensity of interactions, as last computed. Click a bar for its people, strongest first." />
  );
}
