// One field's change as a person reads it: "Label: old → new", each value formatted the way the
// field shows everywhere else. The timeline, the history tab and the conflict alert share it.
import { Text } from '@mantine/core';
import type { FieldDescription } from '../api/types';
import { formatValue, type RelationLabels } from './format';

export interface ValueChangeProps {
  /** The field's definition; undefined for a field that no longer exists (then its name shows). */
  field: FieldDescription | undefined;
  name: string;
  before: unknown;
  after: unknown;
  labels?: RelationLabels;
  /** The rest of the record, for values that depend on a sibling (money and its currency). */
  record?: Record<string, unknown>;
}

export function formatChangeValue(field: FieldDescription | undefined, value: unknown, labels: RelationLabels = {}, record: Record<string, unknown> = {}): string {
  if (!field) return value === null || value === undefined || value === '' ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return formatValue(field, { ...record, [field.name]: value }, labels);
}

export function ValueChange({ field, name, before, after, labels, record }: ValueChangeProps) {
  const show = (value: unknown) => formatChangeValue(field, value, labels, record) || 'empty';
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-change={name}>
      <b>{field?.label ?? name}</b>: <span>{show(before)}</span> → <span>{show(after)}</span>
    </Text>
  );
}
