// One stage of the board: a drop target with its deal count and value totals (per currency).
import { useDroppable } from '@dnd-kit/core';
import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import type { RecordValues } from '../api/types';
import { formatMoney } from '../fields/format';
import { DealCard } from './deal-card';

/** Cards drawn per column; the totals always cover every deal of the stage. */
const CARDS_SHOWN = 50;

export function totalsByCurrency(deals: RecordValues[]): string {
  const sums = new Map<string, number>();
  for (const deal of deals) {
    if (typeof deal.amount !== 'number') continue;
    const currency = String(deal.currency ?? 'EUR');
    sums.set(currency, (sums.get(currency) ?? 0) + deal.amount);
  }
  return [...sums].map(([currency, sum]) => formatMoney(sum, currency)).join(' · ') || formatMoney(0, 'EUR');
}

export function StageColumn({ stage, deals, labels, canMove = true }: { stage: RecordValues; deals: RecordValues[]; labels: Record<string, string>; canMove?: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const kind = String(stage.kind ?? 'open');
  return (
    <Paper ref={setNodeRef} withBorder p="xs" bg={isOver ? 'indigo.0' : 'gray.0'} data-stage={String(stage.name)}
      style={{ flex: '0 0 260px', width: 260, minWidth: 0, display: 'flex', flexDirection: 'column', maxHeight: 'calc(100dvh - 190px)' }}
      role="region" aria-label={`Stage ${String(stage.name)}`}>
      <Stack gap={2} mb="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm" truncate>{String(stage.name)}</Text>
          {kind !== 'open' && <Badge size="xs" color={kind === 'won' ? 'green' : 'red'}>{kind}</Badge>}
        </Group>
        <Text size="xs" c="dimmed" data-testid="stage-totals">{deals.length} {deals.length === 1 ? 'deal' : 'deals'} · {totalsByCurrency(deals)}</Text>
      </Stack>
      <ScrollArea type="auto" style={{ flex: 1, width: '100%' }} scrollbars="y">
        <Stack gap={6} mih={60}>
          {deals.slice(0, CARDS_SHOWN).map((deal) => <DealCard key={deal.id} deal={deal} company={labels[String(deal.companyId)]} canMove={canMove} />)}
          {deals.length > CARDS_SHOWN && <Text size="xs" c="dimmed">and {deals.length - CARDS_SHOWN} more</Text>}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}
