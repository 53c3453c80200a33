// Which fields a list view shows, and in what order: the shown columns first, in their order,
// each with buttons to move it up or down (left or right in the table); then the other fields,
// which join at the end when ticked. The order is the view's, so the URL and saved views keep it.
import { ActionIcon, Button, Checkbox, Divider, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import type { ObjectDescription } from '../api/types';
import { BESIDE_INPUTS } from './filter-input';
import { columnFields, defaultColumns } from './view-params';

export function ColumnChooser({ definition, columns, onChange }: { definition: ObjectDescription; columns: string[]; onChange: (columns: string[]) => void }) {
  const fields = columnFields(definition);
  const labelOf = (name: string) => fields.find((field) => field.name === name)?.label ?? name;
  const hidden = fields.filter((field) => !columns.includes(field.name));
  // A ticked or unticked field moves to the other list: the focus goes with it, so that the
  // keyboard (and Escape to close) keeps working from where the user is.
  const prefix = useId();
  const [follow, setFollow] = useState<string>();
  useEffect(() => {
    if (follow) document.getElementById(`${prefix}-${follow}`)?.focus();
  }, [follow, columns, prefix]);
  const show = (name: string) => {
    setFollow(name);
    onChange([...columns, name]);
  };
  const hide = (name: string) => {
    setFollow(name);
    onChange(columns.filter((column) => column !== name));
  };
  const move = (from: number, to: number) => {
    const next = [...columns];
    const [name] = next.splice(from, 1);
    next.splice(to, 0, name!);
    onChange(next);
  };

  return (
    <Popover position="bottom-end" withinPortal trapFocus shadow="md">
      <Popover.Target>
        <Button variant="default" mt={BESIDE_INPUTS}>Columns</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <ScrollArea.Autosize mah={400} type="auto">
          <Text size="xs" fw={600} c="dimmed" mb={4}>Shown, in order</Text>
          <Stack gap={4} role="list" aria-label="Columns shown, in order">
            {columns.map((name, index) => (
              <Group key={name} role="listitem" gap={4} wrap="nowrap" justify="space-between" data-column={name}>
                <Checkbox id={`${prefix}-${name}`} label={labelOf(name)} checked size="sm" disabled={columns.length === 1} onChange={() => hide(name)} />
                <Group gap={2} wrap="nowrap">
                  <ActionIcon size="sm" variant="subtle" aria-label={`Move ${labelOf(name)} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>↑</ActionIcon>
                  <ActionIcon size="sm" variant="subtle" aria-label={`Move ${labelOf(name)} down`} disabled={index === columns.length - 1} onClick={() => move(index, index + 1)}>↓</ActionIcon>
                </Group>
              </Group>
            ))}
          </Stack>
          {hidden.length > 0 && (
            <>
              <Divider my="xs" />
              <Text size="xs" fw={600} c="dimmed" mb={4}>Other fields</Text>
              <Stack gap={6} role="group" aria-label="Other fields">
                {hidden.map((field) => (
                  <Checkbox key={field.name} id={`${prefix}-${field.name}`} label={field.label} checked={false} size="sm" onChange={() => show(field.name)} />
                ))}
              </Stack>
            </>
          )}
        </ScrollArea.Autosize>
        <Button size="xs" variant="subtle" mt="xs" onClick={() => onChange(defaultColumns(definition))}>Reset to default</Button>
      </Popover.Dropdown>
    </Popover>
  );
}
