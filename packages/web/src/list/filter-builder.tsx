// The filter builder of a list view: rows of (field, operator, value) joined by "all" (and) or
// "any" (or), written as filter-language text and applied as if typed. It opens on the text the
// filter input holds; a filter the rows cannot hold is named too complex and left alone until the
// user starts over. Loaded lazily (React.lazy in filter-input.tsx): the grammar and the rows cost
// nothing until the builder opens.
import { ActionIcon, Alert, Button, Code, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { FilterSyntaxError, parseFilter, printFilter } from '@rapport/core/filter-text';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import type { FieldDescription, ObjectDescription, RecordValues } from '../api/types';
import { FieldEditor } from '../fields/field-editor';
import { fetchRelationLabels } from '../fields/relation-labels';
import { useObjects } from '../session/use-objects';
import {
  filterableFields, fromFilter, missingValue, newCondition, operatorsFor, takesValue, toFilter,
  type Condition, type ConditionGroup, type ConditionOperator,
} from './filter-conditions';

export interface FilterBuilderProps {
  definition: ObjectDescription;
  /** The filter text the builder opens on (what the filter input holds). */
  text: string;
  onApply: (filter: string) => void;
  onClose: () => void;
}

type Opening = { group: ConditionGroup } | { problem: string };

/** A row keeps its key while rows above it are removed, so that its inputs keep their state. */
type Row = Condition & { key: number };
type Rows = { join: ConditionGroup['join']; conditions: Row[] };
let lastKey = 0;
const keyed = (condition: Condition): Row => ({ ...condition, key: ++lastKey });
const keyedGroup = (group: ConditionGroup): Rows => ({ ...group, conditions: group.conditions.map(keyed) });

function open(text: string, definition: ObjectDescription, firstField: FieldDescription | undefined): Opening {
  if (text.trim() === '') return { group: { join: 'and', conditions: firstField ? [newCondition(firstField)] : [] } };
  try {
    const group = fromFilter(parseFilter(text), definition);
    return group ? { group } : { problem: 'This filter is too complex for the builder: it nests and/or in parentheses, uses not, a related record’s field, or an operator or value the builder does not offer.' };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { problem: `The builder cannot read this filter. ${error.message}` };
    throw error;
  }
}

export default function FilterBuilder({ definition, text, onApply, onClose }: FilterBuilderProps) {
  const fields = useMemo(() => filterableFields(definition), [definition]);
  // A new row starts on the field that names a record (a person's name), not on a system field.
  const firstField = fields.find((field) => field.name === definition.displayField) ?? fields[0];
  const opening = useMemo(() => open(text, definition, firstField), [text, definition, firstField]);
  const [group, setGroup] = useState<Rows | undefined>(() => ('group' in opening ? keyedGroup(opening.group) : undefined));
  const [isChecked, setChecked] = useState(false);
  const labels = useRelationLabels(definition, group?.conditions ?? []);

  if (!group) {
    return (
      <Panel>
        <Alert color="yellow" title="Too complex for the builder">
          <Text size="sm">{'problem' in opening ? opening.problem : ''}</Text>
          <Text size="sm" mt="xs">The filter stays as it is; edit it as text, or start over with the builder.</Text>
        </Alert>
        <Group gap="xs">
          <Button onClick={() => setGroup({ join: 'and', conditions: firstField ? [keyed(newCondition(firstField))] : [] })}>Start over</Button>
          <Button variant="default" onClick={onClose}>Close</Button>
        </Group>
      </Panel>
    );
  }

  const { conditions } = group;
  const update = (index: number, change: Partial<Condition>) =>
    setGroup({ ...group, conditions: conditions.map((condition, at) => (at === index ? { ...condition, ...change } : condition)) });
  const printed = written(group, definition);
  const isComplete = conditions.every((condition) => !missingValue(condition));

  return (
    <Panel>
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5">Build a filter</Title>
        {conditions.length > 1 && (
          <SegmentedControl size="xs" aria-label="Records must match" value={group.join} onChange={(join) => setGroup({ ...group, join: join as ConditionGroup['join'] })}
            data={[{ value: 'and', label: 'All conditions' }, { value: 'or', label: 'Any condition' }]} />
        )}
      </Group>
      {conditions.length === 0 && <Text size="sm" c="dimmed">No condition: every record shows.</Text>}
      {conditions.map((condition, index) => (
        <Fragment key={condition.key}>
          {/* The join between rows, so that rows stacked on a phone still read as separate conditions. */}
          {index > 0 && <Text size="xs" fw={700} c="dimmed" tt="uppercase" aria-hidden>{group.join}</Text>}
          <ConditionRow index={index} condition={condition} fields={fields} labels={labels}
            error={isChecked ? missingValue(condition) : undefined}
            onChange={(change) => update(index, change)}
            onRemove={() => setGroup({ ...group, conditions: conditions.filter((_, at) => at !== index) })} />
        </Fragment>
      ))}
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={!firstField}
          onClick={() => firstField && setGroup({ ...group, conditions: [...conditions, keyed(newCondition(firstField))] })}>Add condition</Button>
      </Group>
      <div>
        <Text size="sm" fw={500}>Filter text</Text>
        <Code block data-filter-text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {'error' in printed ? printed.error : printed.text || '(no filter)'}
        </Code>
      </div>
      <Group gap="xs">
        <Button onClick={() => {
          setChecked(true);
          if (isComplete && 'text' in printed) onApply(printed.text);
        }}>Apply filter</Button>
        <Button variant="default" onClick={onClose}>Cancel</Button>
      </Group>
    </Panel>
  );
}

function Panel({ children }: { children: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" role="region" aria-label="Filter builder">
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/** The text of the rows; rows still missing a value are left out of the preview until they have one. */
function written(group: ConditionGroup, definition: ObjectDescription): { text: string } | { error: string } {
  const ready = group.conditions.filter((condition) => !missingValue(condition));
  if (ready.length === 0) return { text: '' };
  try {
    return { text: printFilter(toFilter({ ...group, conditions: ready }, definition)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

interface ConditionRowProps {
  index: number;
  condition: Condition;
  fields: FieldDescription[];
  labels: Record<string, string>;
  error?: string;
  onChange: (change: Partial<Condition>) => void;
  onRemove: () => void;
}

function ConditionRow({ index, condition, fields, labels, error, onChange, onRemove }: ConditionRowProps) {
  const name = `Condition ${index + 1}`;
  const field = fields.find((candidate) => candidate.name === condition.field) ?? fields[0];
  const operators = operatorsFor(field);
  return (
    <Group gap="xs" align="flex-start" wrap="wrap" role="group" aria-label={name}>
      <Select aria-label={`${name} field`} w={{ base: '100%', xs: 190 }} searchable allowDeselect={false} comboboxProps={{ withinPortal: true }}
        data={fields.map((candidate) => ({ value: candidate.name, label: candidate.label }))} value={field.name}
        onChange={(value) => {
          const picked = fields.find((candidate) => candidate.name === value);
          if (picked) onChange(newCondition(picked));
        }} />
      <Select aria-label={`${name} operator`} w={{ base: '100%', xs: 170 }} allowDeselect={false} comboboxProps={{ withinPortal: true }}
        data={operators} value={condition.op}
        onChange={(value) => value && onChange({ op: value as ConditionOperator, ...(value === 'in' ? { values: condition.value ? [condition.value] : [] } : {}) })} />
      <div style={{ flex: 1, minWidth: 'min(100%, 200px)' }}>
        <ValueEditor name={name} field={field} condition={condition} labels={labels} error={error} onChange={onChange} />
      </div>
      <Button variant="subtle" color="gray" onClick={onRemove} aria-label={`Remove condition ${index + 1}`}>Remove</Button>
    </Group>
  );
}

function ValueEditor({ name, field, condition, labels, error, onChange }: Pick<ConditionRowProps, 'condition' | 'labels' | 'error' | 'onChange'> & { name: string; field: FieldDescription }) {
  if (!takesValue(condition.op)) return null;
  if (condition.op === 'in') {
    return (
      <MultiSelect aria-label={`${name} values`} data={(field.choices ?? []).map((choice) => ({ value: choice.value, label: choice.label }))} value={condition.values}
        onChange={(values) => onChange({ values })} error={error} searchable comboboxProps={{ withinPortal: true }} placeholder="Choose values" />
    );
  }
  return <FieldEditor field={editorField(field, `${name} value`)} draft={condition.value} onDraft={(value) => onChange({ value })} error={error} labels={labels} />;
}

/**
 * The field as a row's value editor sees it: never required, a date for a datetime (compared from
 * midnight UTC), one choice of a multi-select, plain text for addresses (`contains "example"`).
 * Its label is the row's, for the editor's aria-label.
 */
function editorField(field: FieldDescription, label: string): FieldDescription {
  const type = field.type === 'datetime' ? 'date' : field.type === 'multiSelect' ? 'select'
    : ['email', 'url', 'phone', 'emailList', 'phoneList'].includes(field.type) ? 'text' : field.type;
  return { ...field, type, label, isRequired: false, maxLength: undefined } as FieldDescription;
}

/** Names of the records and members the rows name, so that a filter read back shows names rather than ids. */
function useRelationLabels(definition: ObjectDescription, conditions: Condition[]): Record<string, string> {
  const objects = useObjects();
  const named = conditions.filter((condition) => {
    const field = definition.fields.find((candidate) => candidate.name === condition.field);
    return (field?.type === 'relation' || field?.type === 'user') && condition.value;
  });
  const ids = [...new Set(named.map((condition) => condition.value))].sort();
  const query = useQuery({
    queryKey: ['filter-builder-labels', definition.name, ids],
    enabled: ids.length > 0 && objects.data !== undefined,
    staleTime: 60_000,
    queryFn: ({ signal }) => fetchRelationLabels(objects.data!, definition.fields.filter((field) => named.some((condition) => condition.field === field.name)),
      named.map((condition, at) => ({ id: `row-${at}`, version: 0, [condition.field]: condition.value }) as RecordValues), signal),
  });
  return query.data ?? {};
}
