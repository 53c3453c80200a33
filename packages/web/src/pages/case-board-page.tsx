// The case board: one column per case status, cases dragged between them (mouse, touch or
// keyboard). A move shows at once and is undone, with the reason, when the server refuses it
// (the case changed meanwhile, or the role may not change it).
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { Alert, Anchor, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiProblem, describeError } from '../api/problem';
import type { RecordValues } from '../api/types';
import { CaseCard } from '../kanban/case-card';
import { columnKeyboardCoordinates, useBoardAnnouncements } from '../kanban/column-keys';
import { StatusColumn } from '../kanban/status-column';
import { useCaseBoard, useMoveCase } from '../kanban/use-case-board';
import { useObjectDefinition } from '../session/use-objects';

function refusal(error: unknown, record: RecordValues): string {
  const subject = `“${String(record.subject ?? 'The case')}”`;
  if (error instanceof ApiProblem && error.isConflict) return `${subject} was changed by someone else meanwhile, so it was not moved. The board now shows the latest data; try again.`;
  if (error instanceof ApiProblem && error.status === 403) return `${subject} was not moved: your role may not change this case.`;
  return `${subject} was not moved: ${describeError(error)}`;
}

export function CaseBoardPage() {
  const { definition, isLoading } = useObjectDefinition('cases');
  const statusField = definition?.fields.find((field) => field.name === 'status');
  const priorityField = definition?.fields.find((field) => field.name === 'priority');
  const board = useCaseBoard(statusField);
  const [message, setMessage] = useState<string>();
  const [dragged, setDragged] = useState<RecordValues>();
  const move = useMoveCase((error, record) => {
    setMessage(refusal(error, record));
    if (error instanceof ApiProblem && error.isConflict) void board.refetch();
  });
  const announcements = useBoardAnnouncements({
    column: 'status',
    cardName: (data) => `“${String((data?.record as RecordValues | undefined)?.subject ?? 'the case')}”`,
    cardColumn: (data) => (data?.record as RecordValues | undefined)?.status as string | undefined,
    columnName: (id) => statusField?.choices?.find((choice) => choice.value === id)?.label ?? id,
  });
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }), useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }));

  if (isLoading) return <Loader aria-label="Loading" />;
  if (!definition || !statusField) return <Alert color="red" title="No cases">This workspace has no cases you may read.</Alert>;
  const priorityLabels = Object.fromEntries((priorityField?.choices ?? []).map((choice) => [choice.value, choice.label]));

  const onDragStart = (event: DragStartEvent) => setDragged(event.active.data.current?.record as RecordValues);
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(undefined);
    const record = event.active.data.current?.record as RecordValues | undefined;
    const status = event.over?.data.current?.status as string | undefined;
    if (!record || !status || record.status === status) return;
    setMessage(undefined);
    move.mutate({ record, status });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={2}>Case board</Title>
        <Anchor component={Link} to="/objects/cases" size="sm">Case list</Anchor>
      </Group>
      {message && <Alert color="orange" role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={() => setMessage(undefined)}>{message}</Alert>}
      {board.error && <Alert color="red" role="alert" title="The cases could not be loaded">{describeError(board.error)}</Alert>}
      {board.isLoading ? <Loader aria-label="Loading cases" /> : board.data && (
        <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(undefined)}
          accessibility={{
            screenReaderInstructions: { draggable: 'To move a case, press space, use the left and right arrow keys to choose a status, and press space again.' },
            announcements,
          }}>
          <ScrollArea type="auto" offsetScrollbars>
            <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
              {(statusField.choices ?? []).map((choice) => (
                <StatusColumn key={choice.value} status={choice.value} label={choice.label} cases={board.data[choice.value]?.cases ?? []}
                  total={board.data[choice.value]?.total ?? 0} priorityLabels={priorityLabels} />
              ))}
            </Group>
          </ScrollArea>
          <DragOverlay>{dragged ? <CaseCard record={dragged} priorityLabel={priorityLabels[String(dragged.priority)]} isOverlay /> : null}</DragOverlay>
        </DndContext>
      )}
      {!board.isLoading && <Text size="xs" c="dimmed">Each column shows its newest cases first.</Text>}
    </Stack>
  );
}
