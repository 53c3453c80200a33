// One case on the board: draggable with the mouse, touch or keyboard (space to lift, arrows
// to move between columns, space to drop).
import { useDraggable } from '@dnd-kit/core';
import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RecordValues } from '../api/types';

const openedOn = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const PRIORITY_COLOR: Record<string, string> = { urgent: 'red', high: 'orange', normal: 'gray', low: 'blue' };

export function CaseCard({ record, priorityLabel, isOverlay }: { record: RecordValues; priorityLabel?: string; isOverlay?: boolean }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: record.id, data: { record } });
  const subject = String(record.subject ?? 'Untitled case');
  const priority = typeof record.priority === 'string' ? record.priority : undefined;
  return (
    <Paper ref={isOverlay ? undefined : setNodeRef} withBorder shadow={isOverlay ? 'md' : 'xs'} p="xs" data-case={record.id}
      style={{ opacity: isDragging && !isOverlay ? 0.4 : 1, cursor: 'grab', touchAction: 'none' }}
      {...(isOverlay ? {} : listeners)} {...(isOverlay ? {} : attributes)} aria-roledescription="Draggable case"
      aria-label={`${subject}${priority ? `, ${priorityLabel ?? priority} priority` : ''}`}>
      <Anchor component={Link} to={`/objects/cases/${record.id}`} size="sm" fw={500} lineClamp={2} onPointerDown={(event) => event.stopPropagation()}>{subject}</Anchor>
      <Group gap={6} mt={4} wrap="nowrap" justify="space-between">
        {priority ? <Badge size="xs" variant="light" color={PRIORITY_COLOR[priority] ?? 'gray'}>{priorityLabel ?? priority}</Badge> : <span />}
        {typeof record.openedAt === 'string' && <Text size="xs" c="dimmed" truncate>Opened {openedOn.format(new Date(record.openedAt))}</Text>}
      </Group>
    </Paper>
  );
}
