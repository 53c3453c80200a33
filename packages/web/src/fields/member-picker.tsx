// The editor of a user field (owner, assignee): the workspace's members by name.
import { Select } from '@mantine/core';
import { describeError } from '../api/problem';
import { useMembers } from '../session/use-members';
import { useDropdownKeys, type PickerProps } from './record-picker';

export function MemberPicker({ field, draft, onDraft, labels = {}, label, error, autoFocus, onKeyDown, size }: PickerProps) {
  const members = useMembers();
  const keys = useDropdownKeys(onKeyDown);
  const data = (members.data ?? []).map((member) => ({ value: member.userId, label: member.name || member.email }));
  // Someone who has left the workspace still shows as the current value.
  if (draft && !data.some((option) => option.value === draft)) data.unshift({ value: draft, label: labels[draft] ?? `Former member ${draft.slice(0, 8)}` });
  return (
    <Select label={label} aria-label={label ? undefined : field.label} size={size} autoFocus={autoFocus} required={field.isRequired} {...keys}
      error={error ?? (members.error ? describeError(members.error) : undefined)}
      data={data} value={draft || null} onChange={(value) => onDraft(value ?? '')} searchable clearable={!field.isRequired}
      placeholder={members.isLoading ? 'Loading members…' : 'Choose a member'} nothingFoundMessage="No member of that name" comboboxProps={{ withinPortal: true }} />
  );
}
