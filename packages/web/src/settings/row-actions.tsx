// Edit and Delete for one row of a settings table, labelled with what they act on
// ("Edit team North") for screen readers.
import { Button, Group } from '@mantine/core';

export function RowActions({ what, onEdit, onDelete, deleting = false }: { what: string; onEdit: () => void; onDelete: () => void; deleting?: boolean }) {
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="subtle" onClick={onEdit} aria-label={`Edit ${what}`}>Edit</Button>
      <Button size="xs" variant="subtle" color="red" loading={deleting} onClick={onDelete} aria-label={`Delete ${what}`}>Delete</Button>
    </Group>
  );
}
