// Pipelines and their stages. Stages are reordered by dragging their handle (mouse, touch, or
// keyboard: space to lift, arrows to move, space to drop); the new order is saved as stage
// positions through the records API, each write with its If-Match version.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { ActionIcon, Badge, Button, Group, Modal, NumberInput, Paper, Select, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { request } from '../api/http';
import { createRecord, updateRecord } from '../api/records';
import type { RecordValues } from '../api/types';
import { usePipelines, useStages } from '../kanban/use-board';
import { fieldError, ProblemAlert } from './problem-alert';

const KINDS = [{ value: 'open', label: 'Open' }, { value: 'won', label: 'Won' }, { value: 'lost', label: 'Lost' }];

export default function PipelinesSection() {
  const pipelines = usePipelines();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<RecordValues | 'new'>();
  const list = pipelines.data ?? [];
  const pipeline = list.find((candidate) => candidate.id === params.get('pipeline')) ?? list.find((candidate) => candidate.isDefault) ?? list[0];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select label="Pipeline" w={260} value={pipeline?.id ?? null} allowDeselect={false}
          data={list.map((candidate) => ({ value: candidate.id, label: String(candidate.name) }))} onChange={(value) => value && setParams({ pipeline: value })} />
        <Group gap="xs">
          {pipeline && <Button variant="default" onClick={() => setEditing(pipeline)}>Rename</Button>}
          <Button onClick={() => setEditing('new')}>New pipeline</Button>
        </Group>
      </Group>
      {pipeline && <StageList pipelineId={pipeline.id} key={pipeline.id} />}
      <Modal opened={Boolean(editing)} onClose={() => setEditing(undefined)} title={editing === 'new' ? 'New pipeline' : 'Rename pipeline'}>
        {editing && <PipelineForm pipeline={editing === 'new' ? undefined : editing} position={list.length}
          onDone={(saved) => { setEditing(undefined); if (saved) setParams({ pipeline: saved.id }); }} />}
      </Modal>
    </Stack>
  );
}

function PipelineForm({ pipeline, position, onDone }: { pipeline?: RecordValues; position: number; onDone: (saved?: RecordValues) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(String(pipeline?.name ?? ''));
  const save = useMutation({
    mutationFn: () => (pipeline ? updateRecord('pipelines', pipeline.id, { name }, pipeline.version) : createRecord('pipelines', { name, position })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['pipelines'] });
      onDone(saved);
    },
  });
  return (
    <form onSubmit={(event) => { event.preventDefault(); save.mutate(); }} noValidate>
      <Stack gap="sm">
        <TextInput label="Name" required data-autofocus value={name} onChange={(event) => setName(event.currentTarget.value)} error={fieldError(save.error, 'name')} />
        <ProblemAlert error={save.error} shownOn={['name']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>{pipeline ? 'Save' : 'Create pipeline'}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function StageList({ pipelineId }: { pipelineId: string }) {
  const queryClient = useQueryClient();
  const stages = useStages(pipelineId);
  const [order, setOrder] = useState<RecordValues[]>([]);
  const [editing, setEditing] = useState<RecordValues | 'new'>();
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => setOrder(stages.data ?? []), [stages.data]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['stages', pipelineId] }), queryClient.invalidateQueries({ queryKey: ['board', pipelineId] })]);
  const reorder = useMutation({
    mutationFn: async (next: RecordValues[]) => {
      // Only the stages whose position changed are written; one at a time keeps the order of the
      // writes equal to the order on screen if one of them is refused.
      for (const [position, stage] of next.entries()) {
        if (stage.position !== position) await updateRecord('stages', stage.id, { position }, stage.version);
      }
    },
    onSuccess: () => setAnnouncement('Stage order saved'),
    onError: () => setOrder(stages.data ?? []),
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: (stage: RecordValues) => request<void>(`/objects/stages/${stage.id}`, { method: 'DELETE' }), onSettled: refresh });

  const nameOf = (id: string | number) => String(order.find((stage) => stage.id === id)?.name ?? id);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = order.findIndex((stage) => stage.id === active.id);
    const to = order.findIndex((stage) => stage.id === over.id);
    const next = arrayMove(order, from, to);
    setOrder(next);
    reorder.mutate(next);
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">Stages</Title>
        <Button size="xs" variant="light" onClick={() => setEditing('new')}>Add stage</Button>
      </Group>
      <Text size="sm" c="dimmed">Drag a stage by its handle to reorder, or focus the handle and use space and the arrow keys.</Text>
      <ProblemAlert error={reorder.error ?? remove.error} />
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: 'To reorder a stage, press space, use the up and down arrow keys, and press space again.' },
          announcements: {
            onDragStart: ({ active }) => `Picked up stage ${nameOf(active.id)}.`,
            onDragOver: ({ active, over }) => (over ? `Stage ${nameOf(active.id)} is over the place of ${nameOf(over.id)}.` : `Stage ${nameOf(active.id)} is outside the list.`),
            onDragEnd: ({ active, over }) => (over ? `Stage ${nameOf(active.id)} dropped at the place of ${nameOf(over.id)}.` : `Stage ${nameOf(active.id)} put back.`),
            onDragCancel: ({ active }) => `Moving stage ${nameOf(active.id)} was cancelled.`,
          },
        }}>
        <SortableContext items={order.map((stage) => stage.id)} strategy={verticalListSortingStrategy}>
          <Stack gap={6} role="list" aria-label="Stages in order" data-testid="stage-list">
            {order.map((stage) => <StageRow key={stage.id} stage={stage} onEdit={() => setEditing(stage)} onDelete={() => remove.mutate(stage)} />)}
          </Stack>
        </SortableContext>
      </DndContext>
      <Modal opened={Boolean(editing)} onClose={() => setEditing(undefined)} title={editing === 'new' ? 'New stage' : 'Edit stage'}>
        {editing && <StageForm pipelineId={pipelineId} stage={editing === 'new' ? undefined : editing} position={order.length}
          onDone={() => { setEditing(undefined); void refresh(); }} />}
      </Modal>
    </Stack>
  );
}

function StageRow({ stage, onEdit, onDelete }: { stage: RecordValues; onEdit: () => void; onDelete: () => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: stage.id });
  const name = String(stage.name);
  const kind = String(stage.kind ?? 'open');
  return (
    <Paper ref={setNodeRef} withBorder p="xs" role="listitem" data-stage-row={name} shadow={isDragging ? 'md' : undefined}
      style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition, position: 'relative', zIndex: isDragging ? 2 : undefined }}>
      <Group wrap="nowrap" gap="sm">
        <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" aria-label={`Move stage ${name}`} style={{ cursor: 'grab', touchAction: 'none' }}
          {...attributes} {...listeners} aria-roledescription="sortable stage">
          <span aria-hidden="true" style={{ fontSize: 18, lineHeight: 1 }}>⠿</span>
        </ActionIcon>
        <Text fw={500} style={{ flex: 1, minWidth: 0 }} truncate>{name}</Text>
        {kind !== 'open' && <Badge size="sm" color={kind === 'won' ? 'green' : 'red'}>{kind}</Badge>}
        <Text size="sm" c="dimmed" w={48} ta="right">{String(stage.probability)}%</Text>
        <Button size="compact-xs" variant="subtle" onClick={onEdit} aria-label={`Edit stage ${name}`}>Edit</Button>
        <Button size="compact-xs" variant="subtle" color="red" onClick={onDelete} aria-label={`Delete stage ${name}`}>Delete</Button>
      </Group>
    </Paper>
  );
}

function StageForm({ pipelineId, stage, position, onDone }: { pipelineId: string; stage?: RecordValues; position: number; onDone: () => void }) {
  const [name, setName] = useState(String(stage?.name ?? ''));
  const [probability, setProbability] = useState<number | string>(typeof stage?.probability === 'number' ? stage.probability : 10);
  const [kind, setKind] = useState(String(stage?.kind ?? 'open'));
  const save = useMutation({
    mutationFn: () => {
      const values = { name, probability: Number(probability), kind };
      return stage ? updateRecord('stages', stage.id, values, stage.version) : createRecord('stages', { ...values, pipelineId, position });
    },
    onSuccess: onDone,
  });
  return (
    <form onSubmit={(event) => { event.preventDefault(); save.mutate(); }} noValidate>
      <Stack gap="sm">
        <TextInput label="Name" required data-autofocus value={name} onChange={(event) => setName(event.currentTarget.value)} error={fieldError(save.error, 'name')} />
        <NumberInput label="Win probability (%)" required min={0} max={100} value={probability} onChange={setProbability} error={fieldError(save.error, 'probability')} />
        <Select label="Kind" value={kind} data={KINDS} allowDeselect={false} onChange={(value) => value && setKind(value)} error={fieldError(save.error, 'kind')}
          comboboxProps={{ withinPortal: true }} />
        <ProblemAlert error={save.error} shownOn={['name', 'probability', 'kind']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>Cancel</Button>
          <Button type="submit" loading={save.isPending}>{stage ? 'Save' : 'Add stage'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
