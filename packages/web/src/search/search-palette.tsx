// The search palette: a dialog with one combobox input and a listbox of results grouped by
// object (the WAI-ARIA combobox pattern, focus staying in the input while arrow keys move
// the active option). Enter opens the record, Escape closes; the field a record was found in
// shows under its title when it is not the title itself.
import { Alert, Badge, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../api/problem';
import { flatten, useSearch, type SearchOption } from './use-search';
import { MagnifierIcon } from './magnifier-icon';

export interface SearchPaletteProps {
  opened: boolean;
  onClose: () => void;
}

/** How a matched value reads: lists (emails, phones) joined, anything else as text. */
function matchText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function SearchPalette({ opened, onClose }: SearchPaletteProps) {
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const { query, settled, isSettling } = useSearch(text);
  const baseId = useId();
  const listId = `${baseId}-results`;
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const input = useRef<HTMLInputElement>(null);

  const groups = useMemo(() => (settled ? query.data ?? [] : []), [settled, query.data]);
  const options = useMemo(() => flatten(groups), [groups]);
  useEffect(() => setActive(0), [options]);
  useEffect(() => {
    if (opened) input.current?.select();
  }, [opened]);
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active]); // eslint-disable-line react-hooks/exhaustive-deps

  const openRecord = (option: SearchOption) => {
    onClose();
    navigate(`/objects/${option.object}/${option.id}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % options.length);
    } else if (event.key === 'Home' && options.length && event.ctrlKey) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && options.length && event.ctrlKey) {
      event.preventDefault();
      setActive(options.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[active];
      if (option && !isSettling) openRecord(option);
    }
  };

  const isBusy = Boolean(settled) && (query.isFetching || isSettling);
  const hasResults = options.length > 0;
  let index = -1;

  return (
    <Modal opened={opened} onClose={onClose} title="Search" size="lg" fullScreen={Boolean(isPhone)} returnFocus={false}
      yOffset="10vh" padding="md" overlayProps={{ backgroundOpacity: 0.45, blur: 2 }} aria-describedby={`${baseId}-status`} data-search-palette>
      <Stack gap="sm">
        <TextInput ref={input} value={text} onChange={(event) => setText(event.currentTarget.value)} onKeyDown={onKeyDown}
          placeholder="Name, email, phone, deal…" aria-label="Search records" data-autofocus leftSection={<MagnifierIcon />}
          rightSection={isBusy ? <Loader size={16} aria-hidden /> : null}
          role="combobox" aria-expanded={hasResults} aria-controls={listId} aria-autocomplete="list"
          aria-activedescendant={hasResults ? optionId(active) : undefined} autoComplete="off" spellCheck={false} maxLength={200} />

        <Text id={`${baseId}-status`} size="sm" c="dimmed" role="status" aria-live="polite">
          {!settled ? 'Type to search every object you can read. ↑ ↓ to move, Enter to open, Esc to close.'
            : query.error ? '' : query.isPending ? 'Searching…'
            : !hasResults && !isSettling && !query.isFetching ? `No records match “${settled}”.`
            : hasResults ? `${options.length} result${options.length === 1 ? '' : 's'}` : 'Searching…'}
        </Text>
        {query.error && settled && <Alert color="red" role="alert" title="The search failed">{describeError(query.error)}</Alert>}

        <div id={listId} role="listbox" aria-label="Search results" style={{ maxHeight: isPhone ? undefined : '55vh', overflowY: 'auto' }}>
          {hasResults && groups.filter((group) => group.records.length > 0).map((group) => {
            const headingId = `${baseId}-group-${group.object}`;
            return (
              <div key={group.object} role="group" aria-labelledby={headingId} style={{ marginBottom: 8 }}>
                <Text id={headingId} size="xs" fw={700} c="dimmed" tt="uppercase" px={8} py={4}>{group.label}</Text>
                {group.records.map((record) => {
                  index += 1;
                  const position = index;
                  const option = options[position];
                  const isActive = position === active;
                  const match = record.match ? matchText(record.match.value) : '';
                  return (
                    <div key={record.id} id={optionId(position)} role="option" aria-selected={isActive} data-object={group.object} data-record={record.id}
                      onMouseMove={() => !isActive && setActive(position)} onMouseDown={(event) => event.preventDefault()} onClick={() => openRecord(option)}
                      style={{ padding: '6px 8px', borderRadius: 4, cursor: 'pointer', background: isActive ? 'var(--mantine-color-indigo-0)' : undefined, outline: isActive ? '1px solid var(--mantine-color-indigo-3)' : undefined }}>
                      <Group gap="xs" wrap="nowrap" justify="space-between">
                        <Text size="sm" fw={500} truncate>{record.title || 'Untitled'}</Text>
                        {isActive && <Badge size="xs" variant="light" visibleFrom="xs" style={{ flexShrink: 0 }}>Enter</Badge>}
                      </Group>
                      {record.match && match && (
                        <Text size="xs" c="dimmed" truncate>{record.match.label}: {match}</Text>
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </Stack>
    </Modal>
  );
}
