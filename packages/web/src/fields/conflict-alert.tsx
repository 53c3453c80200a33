// The alert a stale edit shows: what changed since the user opened the record (field: the value
// they saw → the value now), and the choice to apply their change to the latest version or to
// drop it. Their draft stays in the input meanwhile.
import { Alert, Button, Group, List, Text } from '@mantine/core';
import type { Conflict } from './conflict';
import { ValueChange } from './value-change';

const WRAPPING = { label: { whiteSpace: 'normal' as const, textAlign: 'left' as const, lineHeight: 1.35 } };

export interface ConflictAlertProps {
  /** Undefined while the latest version loads, or when it could not be read. */
  conflict?: Conflict;
  isSaving: boolean;
  onApply: () => void;
  onDiscard: () => void;
}

export function ConflictAlert({ conflict, isSaving, onApply, onDiscard }: ConflictAlertProps) {
  return (
    <Alert color="orange" role="alert" p="xs" title="Changed by someone else" styles={{ body: { minWidth: 0 } }}>
      <Text size="sm">This record changed after you opened it. Your value has not been saved.</Text>
      {conflict && conflict.changes.length > 0 && (
        <>
          <Text size="sm" mt={6} fw={500}>Changed since you opened it:</Text>
          <List size="sm" spacing={2} aria-label="Changed since you opened it" listStyleType="none">
            {conflict.changes.map((field) => (
              <List.Item key={field.name}>
                <ValueChange field={field} name={field.name} before={conflict.seen[field.name]} after={conflict.latest[field.name]} labels={conflict.labels} record={conflict.latest} />
              </List.Item>
            ))}
          </List>
        </>
      )}
      {/* The editor may sit in a narrow column: long labels wrap rather than overflow. */}
      <Group gap={6} mt={6} wrap="wrap">
        <Button size="xs" h="auto" py={4} styles={WRAPPING} onClick={onApply} loading={isSaving}>Apply my change to the latest version</Button>
        <Button size="xs" h="auto" py={4} styles={WRAPPING} variant="default" onClick={onDiscard}>Discard my change</Button>
      </Group>
    </Alert>
  );
}
