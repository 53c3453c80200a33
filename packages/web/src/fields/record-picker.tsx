// The editor of a to-one relation (a person's company, a deal's contact): a select that searches
// the target object's records as the user types (`name contains "…"` on its display field) and
// keeps the id as the draft. Clearing is offered when the field is not required.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { describeError } from '../api/problem';
import { listRecords, quote } from '../api/records';
import type { FieldDescription } from '../api/types';
import { useObjects } from '../session/use-objects';
import type { RelationLabels } from './format';

/** Records offered at once; typing narrows them on the server. */
const OPTIONS = 20;

export interface PickerProps {
  field: FieldDescription;
  draft: string;
  onDraft: (draft: string) => void;
  labels?: RelationLabels;
  label?: string;
  error?: string;
  autoFocus?: boolean;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  size?: 'xs' | 'sm';
}

/** Enter and Escape belong to the open dropdown (pick, close) before they save or cancel the edit. */
export function useDropdownKeys(onKeyDown: PickerProps['onKeyDown']) {
  const [isOpen, setOpen] = useState(false);
  return {
    onDropdownOpen: () => setOpen(true),
    onDropdownClose: () => setOpen(false),
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (!isOpen) onKeyDown?.(event);
    },
  };
}

export function RecordPicker({ field, draft, onDraft, labels = {}, label, error, autoFocus, onKeyDown, size }: PickerProps) {
  const objects = useObjects();
  const target = objects.data?.find((object) => object.name === field.relation?.target);
  const [picked, setPicked] = useState<RelationLabels>({});
  const [search, setSearch] = useState('');
  const keys = useDropdownKeys(onKeyDown);
  const selectedLabel = draft ? picked[draft] ?? labels[draft] ?? draft.slice(0, 8) : '';
  // While the input shows the chosen record's name, offer everything rather than only that one.
  const term = search.trim() === selectedLabel ? '' : search.trim();
  const [debounced] = useDebouncedValue(term, 250);
  const options = useQuery({
    queryKey: ['record-options', target?.name, debounced],
    enabled: target !== undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => listRecords(target!.name, {
      filter: debounced ? `${target!.displayField} contains ${quote(debounced)}` : undefined,
      sort: target!.displayField, fields: ['id', target!.displayField], limit: OPTIONS,
    }, signal),
  });
  const data = (options.data?.data ?? []).map((record) => ({ value: record.id, label: String(record[target!.displayField] ?? '') || `Untitled ${record.id.slice(0, 8)}` }));
  if (draft && !data.some((option) => option.value === draft)) data.unshift({ value: draft, label: selectedLabel });

  return (
    <Select label={label} aria-label={label ? undefined : field.label} size={size} autoFocus={autoFocus} required={field.isRequired} {...keys}
      error={error ?? (options.error ? describeError(options.error) : undefined)}
      data={data} value={draft || null} searchable searchValue={search} onSearchChange={setSearch}
      filter={({ options: shown }) => shown} clearable={!field.isRequired} placeholder={`Search ${target?.labelPlural.toLowerCase() ?? 'records'}`}
      nothingFoundMessage={options.isFetching ? 'Searching…' : `No ${target?.labelSingular.toLowerCase() ?? 'record'} matches`}
      onChange={(value, option) => {
        if (value && option) setPicked((known) => ({ ...known, [value]: option.label }));
        onDraft(value ?? '');
      }}
      comboboxProps={{ withinPortal: true }} />
  );
}
