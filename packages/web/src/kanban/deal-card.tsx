// One deal on the board: draggable with the mouse, touch or keyboard (space to lift, arrows
// to move between columns, space to drop). Members who may not update deals get a still card.
import { useDraggable } from '@dnd-kit/core';
import { Anchor, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RecordValues } from '../api/types';
import { formatMoney } from '../fields/format';

export function DealCard({ deal, company, isOverlay, canMove = true }: { deal: RecordValues; company?: string; isOverlay?: boolean; canMove?: boolean }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: deal.id, data: { deal }, disabled: !canMove });
  const isStatic = isOverlay || !canMove;
  const amount = typeof deal.amount === 'number' ? formatMoney(deal.amount, String(deal.currency ?? 'EUR')) : '';
  return (
    <Paper ref={isOverlay ? undefined : setNodeRef} withBorder shadow={isOverlay ? 'md' : 'xs'} p="xs" data-deal={deal.id}
      style={{ opacity: isDragging && !isOverlay ? 0.4 : 1, cursor: canMove ? 'grab' : 'default', touchAction: canMove ? 'none' : 'auto' }}
      {...(isStatic ? {} : listeners)} {...(isStatic ? {} : attributes)} aria-roledescription={canMove ? 'Draggable deal' : 'Deal'}
      aria-label={`${String(deal.name ?? 'Deal')}${amount ? `, ${amount}` : ''}`}>
      <Anchor component={Link} to={`/objects/deals/${deal.id}`} size="sm" fw={500} lineClamp={2} onPointerDown={(event) => event.stopPropagation()}>
        {String(deal.name ?? 'Untitled deal')}
      </Anchor>
      {company && <Text size="xs" c="dimmed" truncate>{company}</Text>}
      {amount && <Text size="sm" fw={600}>{amount}</Text>}
    </Paper>
  );
}
