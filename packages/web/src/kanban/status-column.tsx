// One status of the case board: a drop target with the status's case count.
import { useDroppable } from '@dnd-kit/core';
import { Paper, ScrollArea, Stack, Text } from '@mantine/core';
import type { RecordValues } from '../api/types';
import { CaseCard } from './case-card';

export function StatusColumn({ status, label, cases, total, priorityLabels }: { status: string; label: string; cases: RecordValues[]; total: number; priorityLabels: Record<string, string> }) {
  const { setNodeRef, isOver } = useDroppable({ id: status, data: { status } });
  return (
    <Paper ref={setNodeRef} withBorder p="xs" bg={isOver ? 'indigo.0' : 'gray.0'} data-status={status}
      style={{ flex: '0 0 260px', width: 260, minWidth: 0, display: 'flex', flexDirection: 'column', maxHeight: 'calc(100dvh - 190px)' }}
      role="region" aria-label={`Status ${label}`}>
      <Stack gap={2} mb="xs">
        <Text fw={600} size="sm" truncate>{label}</Text>
        <Text size="xs" c="dimmed" data-testid="status-count">{total.toLocaleString()} {total === 1 ? 'case' : 'cases'}</Text>
      </Stack>
      <ScrollArea type="auto" style={{ flex: 1, width: '100%' }} scrollbars="y">
        <Stack gap={6} mih={60}>
          {cases.map((record) => <CaseCard key={record.id} record={record} priorityLabel={priorityLabels[String(record.priority)]} />)}
          {total > cases.length && <Text size="xs" c="dimmed">and {(total - cases.length).toLocaleString()} more — see the case list</Text>}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}
