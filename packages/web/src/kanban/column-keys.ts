// Keyboard moves on a board: with a card lifted (space), the left and right arrows jump to the
// next column on that side, and the screen reader hears the card and column by name. dnd-kit's
// default moves 25 px per press — a dozen presses per column — and announces raw ids.
import { KeyboardCode, type Announcements, type KeyboardCoordinateGetter, type UniqueIdentifier } from '@dnd-kit/core';
import { useRef } from 'react';

export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context: { collisionRect, droppableRects, droppableContainers }, currentCoordinates }) => {
  if (event.code !== KeyboardCode.Right && event.code !== KeyboardCode.Left) return undefined;
  event.preventDefault();
  if (!collisionRect) return currentCoordinates;
  const centre = collisionRect.left + collisionRect.width / 2;
  const toRight = event.code === KeyboardCode.Right;
  let nearest: { left: number; width: number; distance: number } | undefined;
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const distance = toRight ? rect.left + rect.width / 2 - centre : centre - (rect.left + rect.width / 2);
    if (distance > 1 && (!nearest || distance < nearest.distance)) nearest = { left: rect.left, width: rect.width, distance };
  }
  if (!nearest) return currentCoordinates;
  return { x: nearest.left + nearest.width / 2 - collisionRect.width / 2, y: currentCoordinates.y };
};

export interface BoardWords {
  /** `stage`, `status`: what a column is called. */
  column: string;
  cardName: (data: Record<string, unknown> | undefined) => string;
  /** The id of the column a card is in, from the card's draggable data. */
  cardColumn: (data: Record<string, unknown> | undefined) => string | undefined;
  columnName: (id: string) => string;
}

/**
 * What a screen reader hears while a card moves, in the board's words: where it was picked up,
 * each new column it passes over (not the one it starts in again and again), where it lands.
 */
export function useBoardAnnouncements({ column, cardName, cardColumn, columnName }: BoardWords): Announcements {
  const lastOver = useRef<UniqueIdentifier | null>(null);
  const place = (id: UniqueIdentifier | null | undefined) => (id === null || id === undefined ? `no ${column}` : `${column} ${columnName(String(id))}`);
  return {
    onDragStart: ({ active }) => {
      lastOver.current = cardColumn(active.data.current) ?? null;
      return `Picked up ${cardName(active.data.current)}, in ${place(lastOver.current)}.`;
    },
    onDragOver: ({ active, over }) => {
      const id = over?.id ?? null;
      if (id === lastOver.current) return undefined;
      lastOver.current = id;
      return `${cardName(active.data.current)} is over ${place(id)}.`;
    },
    onDragEnd: ({ active, over }) => `${cardName(active.data.current)} was dropped on ${place(over?.id)}.`,
    onDragCancel: ({ active }) => `Moving ${cardName(active.data.current)} was cancelled; it stays in ${place(cardColumn(active.data.current))}.`,
  };
}
