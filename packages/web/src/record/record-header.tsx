// A record page's title with its trash state, and the actions on the record as a whole: move it
// to the trash (after confirming) or restore it, for roles that may delete. A refusal because
// the record changed meanwhile says so and offers to reload it.
import { Alert, Badge, Button, Group, Modal, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../api/problem';
import type { ObjectDescription, RecordValues } from '../api/types';
import { isStaleMove, moveRecord, type TrashMove } from './trash';

export interface RecordHeaderProps {
  definition: ObjectDescription;
  record: RecordValues;
  title: string;
  mayDelete: boolean;
  /** The record as the server has it after the move. */
  onMoved: (record: RecordValues) => void;
  onReload: () => void;
}

export function RecordHeader({ definition, record, title, mayDelete, onMoved, onReload }: RecordHeaderProps) {
  const [isConfirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<TrashMove>();
  const [problem, setProblem] = useState<{ message: string; isStale: boolean }>();
  const isTrashed = Boolean(record.deletedAt);
  const noun = definition.labelSingular.toLowerCase();

  const move = async (mode: TrashMove) => {
    setBusy(mode);
    setProblem(undefined);
    try {
      onMoved(await moveRecord(definition.name, record, mode));
    } catch (error) {
      const isStale = isStaleMove(error);
      const verb = mode === 'delete' ? 'moved to the trash' : 'restored';
      setProblem({ isStale, message: isStale ? `This ${noun} changed after you opened it, so it was not ${verb}. Reload it to see the latest version, then try again.` : `The ${noun} was not ${verb}: ${describeError(error)}` });
    } finally {
      setBusy(undefined);
      setConfirming(false);
    }
  };

  return (
    <>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{title} {isTrashed ? <Badge color="gray">In the trash</Badge> : null}</Title>
        {mayDelete && (isTrashed
          ? <Button variant="default" onClick={() => void move('restore')} loading={busy === 'restore'}>Restore</Button>
          : <Button color="red" variant="light" onClick={() => setConfirming(true)}>Move to trash</Button>)}
      </Group>
      {isTrashed && <Text size="sm" c="dimmed">This {noun} is in the trash: its fields are read-only until it is restored.</Text>}
      {problem && (
        <Alert color="red" role="alert" title={problem.isStale ? 'Changed by someone else' : 'Not done'} withCloseButton closeButtonLabel="Dismiss" onClose={() => setProblem(undefined)}>
          <Text size="sm">{problem.message}</Text>
          {problem.isStale && <Button size="xs" mt={6} variant="default" onClick={() => { setProblem(undefined); onReload(); }}>Reload the {noun}</Button>}
        </Alert>
      )}
      <Modal opened={isConfirming} onClose={() => setConfirming(false)} title={`Move this ${noun} to the trash?`}>
        <Text size="sm">“{title}” leaves lists and searches. It can be restored from the trash.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>Cancel</Button>
          <Button color="red" onClick={() => void move('delete')} loading={busy === 'delete'} data-autofocus>Move to trash</Button>
        </Group>
      </Modal>
    </>
  );
}
