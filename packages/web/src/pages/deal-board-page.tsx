// The deal board: one column per stage of the chosen pipeline (in the URL), deals dragged
// between stages through the move API. A move shows at once and is undone, with the
// server's reason, when it is refused (changed meanwhile, or a rule such as a lost reason).
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { Alert, Button, Group, Loader, Modal, ScrollArea, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiProblem, describeError } from '../api/problem';
import type { RecordValues } from '../api/types';
import { columnKeyboardCoordinates, useBoardAnnouncements } from '../kanban/column-keys';
import { DealCard } from '../kanban/deal-card';
import { StageColumn } from '../kanban/stage-column';
import { BOARD_LIMIT, useBoard, useMoveDeal, usePipelines, useStages, type MoveInput } from '../kanban/use-board';
import { useObjects } from '../session/use-objects';
import { can, useSession } from '../session/use-session';

function refusal(error: unknown, deal: RecordValues): string {
  const name = String(deal.name ?? 'The deal');
  if (error instanceof ApiProblem && error.isConflict) return `${name} was changed by someone else meanwhile, so it was not moved. The board now shows the latest data; try again.`;
  return `${name} was not moved: ${describeError(error)}`;
}

export function DealBoardPage() {
  const [params, setParams] = useSearchParams();
  const objects = useObjects();
  const pipelines = usePipelines();
  const pipelineId = params.get('pipeline') ?? (pipelines.data?.find((pipeline) => pipeline.isDefault) ?? pipelines.data?.[0])?.id;
  const stages = useStages(pipelineId);
  const board = useBoard(pipelineId, objects.data ?? []);
  const [message, setMessage] = useState<string>();
  const [dragged, setDragged] = useState<RecordValues>();
  const [askReason, setAskReason] = useState<MoveInput>();
  const [reason, setReason] = useState('');
  const move = useMoveDeal(pipelineId ?? '', (error, deal) => {
    setMessage(refusal(error, deal));
    if (error instanceof ApiProblem && error.isConflict) void board.refetch();
  });
  const session = useSession();
  const canMove = can(session.data, 'deals', 'update');
  const announcements = useBoardAnnouncements({
    column: 'stage',
    cardName: (data) => String((data?.deal as RecordValues | undefined)?.name ?? 'the deal'),
    cardColumn: (data) => (data?.deal as RecordValues | undefined)?.stageId as string | undefined,
    columnName: (id) => String(stages.data?.find((stage) => stage.id === id)?.name ?? ''),
  });
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }), useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }));

  if (pipelines.isLoading || objects.isLoading) return <Loader aria-label="Loading" />;
  if (pipelines.error) return <Alert color="red" role="alert" title="Pipelines could not be loaded">{describeError(pipelines.error)}</Alert>;
  if (!pipelineId) return <Text>There is no pipeline yet.</Text>;

  const onDragStart = (event: DragStartEvent) => setDragged(event.active.data.current?.deal as RecordValues);
  const onDragEnd = (event: DragEndEvent) => {
    setDragged(undefined);
    const deal = event.active.data.current?.deal as RecordValues | undefined;
    const stage = event.over?.data.current?.stage as RecordValues | undefined;
    if (!deal || !stage || deal.stageId === stage.id) return;
    setMessage(undefined);
    const input = { deal, stageId: stage.id };
    if (stage.kind === 'lost') {
      setReason('');
      setAskReason(input);
    } else {
      move.mutate(input);
    }
  };

  const columns = stages.data ?? [];
  const deals = board.data?.deals ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Deal board</Title>
        <Select label="Pipeline" data={(pipelines.data ?? []).map((pipeline) => ({ value: pipeline.id, label: String(pipeline.name) }))} value={pipelineId}
          onChange={(value) => value && setParams({ pipeline: value })} allowDeselect={false} w={240} />
      </Group>
      {message && <Alert color="orange" role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={() => setMessage(undefined)}>{message}</Alert>}
      {board.data?.isPartial && <Alert color="yellow">This pipeline has more than {BOARD_LIMIT.toLocaleString()} deals; the board shows the first {BOARD_LIMIT.toLocaleString()} by amount.</Alert>}
      {(stages.error || board.error) && <Alert color="red" role="alert">{describeError(stages.error ?? board.error)}</Alert>}
      {stages.isLoading || board.isLoading ? <Loader aria-label="Loading deals" /> : (
        <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(undefined)}
          accessibility={{
            screenReaderInstructions: { draggable: 'To move a deal, press space, use the left and right arrow keys to choose a stage, and press space again.' },
            announcements,
          }}>
          <ScrollArea type="auto" offsetScrollbars>
            <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
              {columns.map((stage) => (
                <StageColumn key={stage.id} stage={stage} deals={deals.filter((deal) => deal.stageId === stage.id)} labels={board.data?.labels ?? {}} canMove={canMove} />
              ))}
            </Group>
          </ScrollArea>
          <DragOverlay>{dragged ? <DealCard deal={dragged} company={board.data?.labels[String(dragged.companyId)]} isOverlay /> : null}</DragOverlay>
        </DndContext>
      )}
      <Modal opened={Boolean(askReason)} onClose={() => setAskReason(undefined)} title="Why was this deal lost?">
        <form onSubmit={(event) => {
          event.preventDefault();
          if (askReason && reason.trim()) move.mutate({ ...askReason, lostReason: reason.trim() });
          setAskReason(undefined);
        }}>
          <Stack>
            <Textarea label="Lost reason" required value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={2} data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAskReason(undefined)}>Cancel</Button>
              <Button type="submit" disabled={!reason.trim()}>Mark as lost</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
