// A person's or company's relationship scores with what is behind each: the strength
// components with their contribution and reason, satisfaction with its interval, RFM
// quintiles, value with the profit sum, churn with its reasons and the customer-type evidence.
// A score the role may not see is left out, not shown empty.
import { Alert, Badge, Card, Divider, Group, List, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { fetchCustomerMetrics, type CustomerMetrics, type StrengthComponent } from '../api/analytics';
import { ApiProblem, describeError } from '../api/problem';
import type { ObjectDescription, Session } from '../api/types';
import { formatInstant, formatMoney, formatValue } from '../fields/format';
import { percent, probability } from '../relationship/format';

const COMPONENT_LABELS: Record<string, string> = { time: 'Time', frequency: 'Frequency', reciprocity: 'Reciprocity', intensity: 'Intensity' };

export function hasRelationshipPanel(object: string): object is 'people' | 'companies' {
  return object === 'people' || object === 'companies';
}

export function RelationshipPanel({ definition, id, session }: { definition: ObjectDescription; id: string; session: Session | null }) {
  const object = definition.name as 'people' | 'companies';
  const query = useQuery({ queryKey: ['metrics', object, id], queryFn: ({ signal }) => fetchCustomerMetrics(object, id, signal) });
  const headingId = `relationship-${id}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-panel="relationship">
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>Relationship</Title>
        {query.isLoading ? <Loader size="sm" aria-label="Loading relationship scores" /> : query.error ? (
          query.error instanceof ApiProblem && query.error.status === 404
            ? <Text size="sm" c="dimmed">No scores yet: they are computed in the background after the first interactions, answers and orders.</Text>
            : <Alert color={query.error instanceof ApiProblem && query.error.status === 403 ? 'gray' : 'red'} title="Scores could not be shown">{describeError(query.error)}</Alert>
        ) : query.data && <Scores definition={definition} metrics={query.data} session={session} />}
      </Stack>
    </Card>
  );
}

function Scores({ definition, metrics, session }: { definition: ObjectDescription; metrics: CustomerMetrics; session: Session | null }) {
  const hidden = new Set(session?.permissions.hiddenFields[definition.name] ?? []);
  const field = (name: string) => (hidden.has(name) || !(name in metrics) ? undefined : definition.fields.find((candidate) => candidate.name === name));
  const label = (name: string, fallback: string) => field(name)?.label ?? fallback;
  const shows = (name: string) => field(name) !== undefined;
  const text = (name: keyof CustomerMetrics) => {
    const described = field(name);
    return described ? formatValue(described, metrics as unknown as Record<string, unknown>) || '—' : '—';
  };
  const money = (minor: number) => formatMoney(minor, field('clv')?.currency ?? field('predictedClv')?.currency ?? 'EUR');
  const detail = metrics.detail;
  return (
    <Stack gap="md">
      {shows('relationshipStrength') && (
        <Block title={label('relationshipStrength', 'Relationship strength')} value={metrics.relationshipStrength === null ? 'not yet scored' : `${metrics.relationshipStrength} / 100`} figure="relationshipStrength">
          {metrics.relationshipStrength !== null && <Progress value={metrics.relationshipStrength} aria-label={`Relationship strength ${metrics.relationshipStrength} of 100`} color="violet" />}
          {detail && detail.strength.components.length > 0 ? (
            <Stack gap="xs" component="ul" role="list" aria-label="Strength components" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {detail.strength.components.map((component) => <Component key={component.name} component={component} />)}
            </Stack>
          ) : detail && <Reasons reasons={detail.strength.reasons} label="Why this strength" />}
        </Block>
      )}

      {(shows('csat') || shows('npsCategory')) && detail && (
        <Block title="Satisfaction">
          {shows('csat') && (
            <Text size="sm">
              {label('csat', 'CSAT')}: <strong>{metrics.csat === null ? 'no answers' : percent(metrics.csat)}</strong>
              {detail.satisfaction.csatAnswers > 0 && <> from {detail.satisfaction.csatAnswers} {detail.satisfaction.csatAnswers === 1 ? 'answer' : 'answers'}</>}
              {detail.satisfaction.csatInterval && <> (95 % interval {detail.satisfaction.csatInterval.low} to {detail.satisfaction.csatInterval.high} %)</>}
            </Text>
          )}
          {shows('npsCategory') && (
            <Text size="sm">
              {label('npsCategory', 'NPS category')}: <strong>{text('npsCategory')}</strong>
              {detail.satisfaction.latestNps !== null && <> — latest answer {detail.satisfaction.latestNps} of 10</>}
            </Text>
          )}
        </Block>
      )}

      {(shows('rfmScore') || shows('rfmSegment')) && (
        <Block title="RFM" value={shows('rfmSegment') ? text('rfmSegment') : undefined} figure="rfmSegment">
          {shows('rfmScore') && (
            <Text size="sm">
              {label('rfmScore', 'RFM score')} <strong>{metrics.rfmScore ?? '—'}</strong>
              {detail?.rfm && <>: recency {detail.rfm.r}, frequency {detail.rfm.f}, monetary value {detail.rfm.m} (quintiles of the workspace's customers, 5 is best)</>}
              {!detail?.rfm && ' — no paid order yet'}
            </Text>
          )}
        </Block>
      )}

      {(shows('clv') || shows('predictedClv') || shows('predictedPurchases')) && (
        <Block title="Value">
          {shows('clv') && (
            <Text size="sm">
              {label('clv', 'Lifetime value')}: <strong>{metrics.clv === null || metrics.clv === undefined ? '—' : money(metrics.clv)}</strong>
              {detail?.profit && <> = revenue {money(detail.profit.revenue)} − cost of goods {money(detail.profit.costOfGoods)} − cost to serve {money(detail.profit.costToServe)} ({detail.profit.supportMinutes} support minutes, {money(detail.profit.campaignCost)} of campaigns), from {detail.profit.orders} {detail.profit.orders === 1 ? 'order' : 'orders'}</>}
            </Text>
          )}
          {shows('predictedPurchases') && <Text size="sm">{label('predictedPurchases', 'Predicted purchases')}: <strong>{metrics.predictedPurchases ?? 'not predicted yet'}</strong></Text>}
          {shows('predictedClv') && <Text size="sm">{label('predictedClv', 'Predicted value')}: <strong>{metrics.predictedClv === null ? 'not predicted yet' : money(metrics.predictedClv)}</strong></Text>}
        </Block>
      )}

      {(shows('churnRisk') || shows('pAlive')) && (
        <Block title={label('churnRisk', 'Churn risk')} value={metrics.churnRisk === null ? 'not predicted yet' : probability(metrics.churnRisk)} figure="churnRisk">
          {shows('pAlive') && metrics.pAlive !== null && <Text size="sm">{label('pAlive', 'P(alive)')}: <strong>{probability(metrics.pAlive)}</strong> chance the customer still buys</Text>}
          {detail && <Reasons reasons={detail.churn.reasons} label="Why this churn risk" />}
        </Block>
      )}

      {shows('customerType') && (
        <Block title={label('customerType', 'Customer type')} value={text('customerType')} figure="customerType">
          {detail && <Reasons reasons={detail.customerType.evidence} label="Evidence for the customer type" />}
        </Block>
      )}

      {metrics.metricsAt && <Text size="xs" c="dimmed">Computed {formatInstant(metrics.metricsAt)}; kept current as interactions, answers and orders change.</Text>}
    </Stack>
  );
}

function Block({ title, value, figure, children }: { title: string; value?: string; figure?: string; children?: ReactNode }) {
  return (
    <Stack gap={6}>
      <Divider />
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600} size="sm">{title}</Text>
        {value !== undefined && <Badge variant="light" size="lg" data-figure={figure}>{value}</Badge>}
      </Group>
      {children}
    </Stack>
  );
}

function Component({ component }: { component: StrengthComponent }) {
  const name = COMPONENT_LABELS[component.name] ?? component.name;
  return (
    <li data-component={component.name}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={500}>{name}</Text>
        <Text size="xs" c="dimmed">{component.value} / 100 · <strong>{component.contribution} of {component.weight}</strong> points</Text>
      </Group>
      <Progress value={component.value} size="sm" aria-label={`${name}: ${component.value} of 100, contributes ${component.contribution} of ${component.weight} points`} />
      <Text size="xs" mt={2}>{component.reason}</Text>
    </li>
  );
}

function Reasons({ reasons, label }: { reasons: string[]; label: string }) {
  if (reasons.length === 0) return null;
  return <List size="sm" spacing={2} aria-label={label}>{reasons.map((reason) => <List.Item key={reason}>{reason}</List.Item>)}</List>;
}
