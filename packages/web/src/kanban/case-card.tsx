// One case on the board: dragged with the mouse or touch anywhere on the card, or with the
// keyboard from its "Move" handle (space to lift, left and right arrows between columns,
// space to drop). The handle is a button beside the case's link, so that no control sits
// inside another.
import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import type { KeyboardEventHandler } from 'react';
import { Link } from 'react-router';
import type { RecordValues } from '../api/types';
import { GripIcon } from './grip-icon';

const openedOn = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const PRIORITY_COLOR: Record<string, string> = { urgent: 'red', high: 'orange', normal: 'gray', low: 'blue' };

export function CaseCard({ record, priorityLabel, isOverlay }: { record: RecordValues; priorityLabel?: string; isOverlay?: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: record.id, data: { record } });
  const { onKeyDown, ...pointerListeners } = listeners ?? {};
  const subject = String(record.subject ?? 'Untitled case');
  const priority = typeof record.priority === 'string' ? record.priority : undefined;
  return (
    <Paper ref={isOverlay ? undefined : setNodeRef} withBorder shadow={isOverlay ? 'md' : 'xs'} p="xs" data-case={record.id}
      style={{ opacity: isDragging && !isOverlay ? 0.4 : 1, cursor: 'grab', touchAction: 'none' }}
      {...(isOverlay ? {} : pointerListeners)}>
      <Group gap={4} wrap="nowrap" align="flex-start" justify="space-between">
        <Anchor component={Link} to={`/objects/cases/${record.id}`} size="sm" fw={500} lineClamp={2} onPointerDown={(event) => event.stopPropagation()}>{subject}</Anchor>
        {!isOverlay && (
          <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" size="sm" {...attributes} onKeyDown={onKeyDown as KeyboardEventHandler | undefined}
            aria-roledescription="Draggable case" aria-label={`Move ${subject}${priority ? `, ${priorityLabel ?? priority} priority` : ''}`} style={{ flexShrink: 0, cursor: 'grab' }}>
            <GripIcon />
          </ActionIcon>
        )}
      </Group>
      <Group gap={6} mt={4} wrap="nowrap" justify="space-between">
        {priority ? <Badge size="xs" variant="light" color={PRIORITY_COLOR[priority] ?? 'gray'}>{priorityLabel ?? priority}</Badge> : <span />}
        {typeof record.openedAt === 'string' && <Text size="xs" c="dimmed" truncate>Opened {openedOn.format(new Date(record.openedAt))}</Text>}
      </Group>
    </Paper>
  );
}
