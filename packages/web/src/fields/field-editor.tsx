// The input for one field, chosen by its type; used by table cells, record pages and quick add.
import { Checkbox, NumberInput, Select, TextInput, Textarea } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import type { FieldDescription } from '../api/types';
import type { RelationLabels } from './format';
import { MemberPicker } from './member-picker';
import { RecordPicker } from './record-picker';

export interface FieldEditorProps {
  field: FieldDescription;
  draft: string;
  onDraft: (draft: string) => void;
  error?: string;
  /** Visible label; cells pass none and rely on aria-label. */
  label?: string;
  autoFocus?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  /** Long text gets a text area (record pages, quick add). */
  isMultiline?: boolean;
  size?: 'xs' | 'sm';
  /** Names of the records and users the draft may hold, for relation and user fields. */
  labels?: RelationLabels;
}

export function FieldEditor({ field, draft, onDraft, error, label, autoFocus, onKeyDown, isMultiline, size = 'sm', labels }: FieldEditorProps) {
  if (field.type === 'relation') return <RecordPicker {...{ field, draft, onDraft, error, label, autoFocus, onKeyDown, size, labels }} />;
  if (field.type === 'user') return <MemberPicker {...{ field, draft, onDraft, error, label, autoFocus, onKeyDown, size, labels }} />;
  const common = { label, 'aria-label': label ? undefined : field.label, error, autoFocus, onKeyDown, size, required: field.isRequired };
  switch (field.type) {
    case 'boolean':
      return <Checkbox {...common} label={label ?? field.label} checked={draft === 'true'} onChange={(event) => onDraft(String(event.currentTarget.checked))} />;
    case 'select':
      return (
        <Select {...common} data={(field.choices ?? []).map((choice) => ({ value: choice.value, label: choice.label }))} value={draft || null}
          onChange={(value) => onDraft(value ?? '')} clearable={!field.isRequired} searchable comboboxProps={{ withinPortal: true }} />
      );
    case 'number':
    case 'rating':
      return <NumberInput {...common} value={draft} onChange={(value) => onDraft(String(value))} min={field.min} max={field.max} allowDecimal={!field.isInteger && field.type !== 'rating'} />;
    case 'currency':
      return <TextInput {...common} value={draft} onChange={(event) => onDraft(event.currentTarget.value)} inputMode="decimal" />;
    case 'date':
      return <TextInput {...common} type="date" value={draft} onChange={(event) => onDraft(event.currentTarget.value)} />;
    case 'datetime':
      return <TextInput {...common} type="datetime-local" value={draft} onChange={(event) => onDraft(event.currentTarget.value)} />;
    default:
      return isMultiline && (field.maxLength ?? 0) > 500
        ? <Textarea {...common} value={draft} onChange={(event) => onDraft(event.currentTarget.value)} autosize minRows={3} maxRows={10} />
        : <TextInput {...common} type={field.type === 'email' ? 'email' : field.type === 'url' ? 'url' : 'text'} value={draft} onChange={(event) => onDraft(event.currentTarget.value)} />;
  }
}
