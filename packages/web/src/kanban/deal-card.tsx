// One deal on the board: dragged with the mouse or touch anywhere on the card, or with the
// keyboard from its "Move" handle (space to lift, left and right arrows between columns,
// space to drop). The handle is a button beside the deal's link rather than the whole card,
// so that no control sits inside another. Members who may not update deals get a still card.
import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Group, Paper, Text } from '@mantine/core';
import type { KeyboardEventHandler } from 'react';
import { Link } from 'react-router';
import type { RecordValues } from '../api/types';
import { formatMoney } from '../fields/format';
import { GripIcon } from './grip-icon';

export function DealCard({ deal, company, isOverlay, canMove = true }: { deal: RecordValues; company?: string; isOverlay?: boolean; canMove?: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: deal.id, data: { deal }, disabled: !canMove });
  const isStatic = isOverlay || !canMove;
  const { onKeyDown, ...pointerListeners } = listeners ?? {};
  const name = String(deal.name ?? 'Untitled deal');
  const amount = typeof deal.amount === 'number' ? formatMoney(deal.amount, String(deal.currency ?? 'EUR')) : '';
  return (
    <Paper ref={isOverlay ? undefined : setNodeRef} withBorder shadow={isOverlay ? 'md' : 'xs'} p="xs" data-deal={deal.id}
      style={{ opacity: isDragging && !isOverlay ? 0.4 : 1, cursor: canMove ? 'grab' : 'default', touchAction: canMove ? 'none' : 'auto' }}
      {...(isStatic ? {} : pointerListeners)}>
      <Group gap={4} wrap="nowrap" align="flex-start" justify="space-between">
        <Anchor component={Link} to={`/objects/deals/${deal.id}`} size="sm" fw={500} lineClamp={2} onPointerDown={(event) => event.stopPropagation()}>{name}</Anchor>
        {!isStatic && (
          <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" size="sm" {...attributes} onKeyDown={onKeyDown as KeyboardEventHandler | undefined}
            aria-roledescription="Draggable deal" aria-label={`Move ${name}${amount ? `, ${amount}` : ''}`} style={{ flexShrink: 0, cursor: 'grab' }}>
            <GripIcon />
          </ActionIcon>
        )}
      </Group>
      {company && <Text size="xs" c="dimmed" truncate>{company}</Text>}
      {amount && <Text size="sm" fw={600}>{amount}</Text>}
    </Paper>
  );
}
