// The relationship dashboard: the four components (satisfaction, loyalty, profitability,
// retention) and relationship strength for a period and a segment of people, as charts that
// open the records behind each point. The period and segment live in the URL. Figures answered
// from a stored snapshot say when they were computed, with a Refresh.
import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { fetchLoyalty, fetchProfitability, fetchRetention, type AnalyticsScope } from '../api/analytics';
import { ApiProblem } from '../api/problem';
import type { ObjectDescription } from '../api/types';
import { minorDigits } from '../fields/format';
import { CohortCard, CsatCard, NpsCard, satisfactionQuery, WhaleCurveCard } from '../relationship/component-cards';
import { monthLabel, percent, wholeMoney } from '../relationship/format';
import { ChurnRiskCard, RfmCard, StrengthCard } from '../relationship/score-cards';
import { reportKey, SnapshotNotice } from '../relationship/snapshot-notice';
import { useObjectDefinition } from '../session/use-objects';

/** `YYYY-MM-DD` (a day, UTC) → the instant it starts; `isEnd`: the instant after it ends. */
function instant(day: string, isEnd = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (isEnd) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}

export function RelationshipPage() {
  const { definition: people, isLoading } = useObjectDefinition('people');
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const filter = params.get('filter') ?? '';
  const scope: AnalyticsScope = { from: instant(from), to: instant(to, true), filter: filter.trim() || undefined };

  if (isLoading) return <Loader aria-label="Loading" />;
  if (!people) return <Alert color="gray" title="Not available">Your role may not read people.</Alert>;
  const apply = (next: { from: string; to: string; filter: string }) => {
    const search = new URLSearchParams();
    if (next.from) search.set('from', next.from);
    if (next.to) search.set('to', next.to);
    if (next.filter.trim()) search.set('filter', next.filter.trim());
    setParams(search);
  };
  const key = `${from}|${to}|${filter}`;
  const currency = people.fields.find((field) => field.name === 'clv')?.currency ?? 'EUR';
  return (
    <Stack gap="md">
      <Title order={2}>Relationship</Title>
      <ScopeForm key={key} initial={{ from, to, filter }} onApply={apply} scope={scope} />
      <Components scope={scope} currency={currency} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <NpsCard scope={scope} />
        <CsatCard scope={scope} />
        <CohortCard scope={scope} />
        <WhaleCurveCard scope={scope} currency={currency} />
        <RfmCard people={people} segment={scope.filter} />
        <ChurnRiskCard people={people} segment={scope.filter} />
        <StrengthCard people={people} segment={scope.filter} />
      </SimpleGrid>
    </Stack>
  );
}

function ScopeForm({ initial, onApply, scope }: { initial: { from: string; to: string; filter: string }; onApply: (next: typeof initial) => void; scope: AnalyticsScope }) {
  const [draft, setDraft] = useState(initial);
  // A segment the server cannot read is reported on the field, by the first figure that asked.
  const satisfaction = useQuery(satisfactionQuery(scope));
  const problem = satisfaction.error instanceof ApiProblem ? satisfaction.error.messageFor('filter') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={submit} aria-label="Period and segment">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput type="date" label="From" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })} w={{ base: '100%', xs: 170 }} />
        <TextInput type="date" label="To (inclusive)" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })} w={{ base: '100%', xs: 170 }} />
        <TextInput label="Segment" placeholder='lifecycleStage = "customer"' description="People, in the filter language of list pages; empty for everyone" value={draft.filter}
          onChange={(event) => setDraft({ ...draft, filter: event.currentTarget.value })} error={problem} style={{ flex: 1, minWidth: 220 }} />
        <Button type="submit" mt={{ base: 0, xs: 25 }}>Apply</Button>
      </Group>
    </form>
  );
}

/** The four components at a glance for the period. */
function Components({ scope, currency }: { scope: AnalyticsScope; currency: string }) {
  const satisfaction = useQuery(satisfactionQuery(scope));
  const loyalty = useQuery({ queryKey: reportKey('loyalty', scope), queryFn: ({ signal }) => fetchLoyalty(scope, signal) });
  const profitability = useQuery({ queryKey: reportKey('profitability', scope), queryFn: ({ signal }) => fetchProfitability(scope, signal) });
  const retention = useQuery({ queryKey: reportKey('retention', scope), queryFn: ({ signal }) => fetchRetention(scope, signal) });
  // The month in progress has not had its chance to buy yet: read the last whole month.
  const current = new Date().toISOString().slice(0, 7);
  const lastMonth = retention.data?.monthly.filter((month) => month.retention !== null && month.month < current).at(-1);
  return (
    <Stack gap="xs">
      <SnapshotNotice scope={scope} answers={{ satisfaction: satisfaction.data, loyalty: loyalty.data, profitability: profitability.data, retention: retention.data }} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="section" aria-label="The four components">
        <Figure title="Satisfaction" query={satisfaction} value={satisfaction.data && `NPS ${satisfaction.data.nps.nps ?? '—'}`}
          detail={satisfaction.data && `CSAT ${percent(satisfaction.data.csat.csat)} from ${satisfaction.data.csat.answers.toLocaleString()} answers`} />
        <Figure title="Loyalty" query={loyalty} value={loyalty.data && `${percent(loyalty.data.repeatPurchaseRate)} repeat`}
          detail={loyalty.data && `${loyalty.data.purchaseFrequency ?? '—'} purchases per customer; ${percent(loyalty.data.returningRevenueShare)} of revenue from returning buyers`} />
        <Figure title="Profitability" query={profitability} value={profitability.data && wholeMoney(profitability.data.totals.profit, currency, minorDigits(currency))}
          detail={profitability.data && `profit from ${profitability.data.totals.customers.toLocaleString()} customers; ${profitability.data.unprofitableCustomers.toLocaleString()} unprofitable`} />
        <Figure title="Retention" query={retention} value={lastMonth ? `${percent(lastMonth.retention)} kept` : '—'}
          detail={lastMonth ? `of the month before's customers bought again in ${monthLabel(lastMonth.month)}; churn ${percent(lastMonth.churn)}` : 'no repeat months in this period'} />
      </SimpleGrid>
    </Stack>
  );
}

function Figure({ title, query, value, detail }: { title: string; query: { isLoading: boolean; error: unknown }; value?: string; detail?: string }) {
  const refused = query.error instanceof ApiProblem && query.error.status === 403;
  return (
    <Card withBorder padding="sm" aria-label={title} component="article">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{title}</Text>
      {query.isLoading ? <Loader size="sm" aria-label={`Loading ${title.toLowerCase()}`} /> : query.error ? (
        <Text size="sm" c="dimmed">{refused ? 'Not available to your role' : 'Could not be loaded'}</Text>
      ) : (
        <>
          <Text size="xl" fw={700}>{value}</Text>
          <Text size="xs" c="dimmed">{detail}</Text>
        </>
      )}
    </Card>
  );
}
