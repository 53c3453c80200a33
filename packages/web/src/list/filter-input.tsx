// The filter of a list view, typed in the filter language and applied with Enter, or written by
// the filter builder (opened on the text the input holds). The API's own message (with the
// position of a syntax error) shows under the input.
import { Button, Group, TextInput } from '@mantine/core';
import { lazy, useEffect, useState } from 'react';

/** The filter builder, in a chunk of its own with the grammar: fetched when it first opens. */
export const FilterBuilder = lazy(() => import('./filter-builder'));

/**
 * The top margin that lines a button of the list's tool row up with the inputs beside it (under
 * their label and description). On a phone the buttons wrap to rows of their own, where it
 * would only leave a gap.
 */
export const BESIDE_INPUTS = { base: 0, xs: 46 };

export interface FilterInputProps {
  value: string;
  error?: string;
  onApply: (filter: string) => void;
  example: string;
  isBuilding: boolean;
  /** Opens the builder on the text the input holds (applied or not), or closes it. */
  onToggleBuilder: (text: string) => void;
}

export function FilterInput({ value, error, onApply, example, isBuilding, onToggleBuilder }: FilterInputProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <form role="search" onSubmit={(event) => { event.preventDefault(); onApply(text); }} style={{ flex: 1, minWidth: 'min(100%, 320px)' }}>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput style={{ flex: 1 }} label="Filter" placeholder={example} description={`Filter language, such as: ${example}`} value={text} onChange={(event) => setText(event.currentTarget.value)}
          error={error} spellCheck={false} autoCapitalize="off" autoComplete="off" styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
        <Button type="submit" mt={46}>Apply</Button>
        <Button variant={isBuilding ? 'outline' : 'default'} mt={46} aria-expanded={isBuilding} onClick={() => onToggleBuilder(text)}>Build</Button>
        {value && <Button variant="default" mt={46} onClick={() => onApply('')}>Clear</Button>}
      </Group>
    </form>
  );
}
