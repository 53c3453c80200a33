// Which fields a list view shows: a checkbox per field, in the object's field order.
import { Button, Checkbox, Popover, ScrollArea, Stack } from '@mantine/core';
import type { ObjectDescription } from '../api/types';
import { BESIDE_INPUTS } from './filter-input';
import { columnFields, defaultColumns } from './view-params';

export function ColumnChooser({ definition, columns, onChange }: { definition: ObjectDescription; columns: string[]; onChange: (columns: string[]) => void }) {
  const fields = columnFields(definition);
  const toggle = (name: string, isOn: boolean) => {
    const chosen = new Set(isOn ? [...columns, name] : columns.filter((column) => column !== name));
    // Keep the object's field order, with the record's name first.
    const ordered = fields.map((field) => field.name).filter((field) => chosen.has(field));
    onChange(ordered.includes(definition.displayField) ? [definition.displayField, ...ordered.filter((field) => field !== definition.displayField)] : ordered);
  };
  return (
    <Popover position="bottom-end" withinPortal trapFocus shadow="md">
      <Popover.Target>
        <Button variant="default" mt={BESIDE_INPUTS}>Columns</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <ScrollArea.Autosize mah={360} type="auto">
          <Stack gap={6} role="group" aria-label="Columns to show">
            {fields.map((field) => (
              <Checkbox key={field.name} label={field.label} checked={columns.includes(field.name)} size="sm"
                disabled={columns.length === 1 && columns.includes(field.name)} onChange={(event) => toggle(field.name, event.currentTarget.checked)} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Button size="xs" variant="subtle" mt="xs" onClick={() => onChange(defaultColumns(definition))}>Reset to default</Button>
      </Popover.Dropdown>
    </Popover>
  );
}
