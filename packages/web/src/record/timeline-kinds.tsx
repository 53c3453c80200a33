// The kinds of entry a timeline holds, their colours, and the chips that narrow it to some of
// them: "All" until a kind is picked; picking more kinds widens the choice.
import { Chip, Group } from '@mantine/core';

export const TIMELINE_KINDS = [
  { kind: 'interaction', label: 'Interactions', colour: 'blue' },
  { kind: 'note', label: 'Notes', colour: 'yellow' },
  { kind: 'task', label: 'Tasks', colour: 'grape' },
  { kind: 'deal', label: 'Deals', colour: 'green' },
  { kind: 'case', label: 'Cases', colour: 'red' },
  { kind: 'order', label: 'Orders', colour: 'teal' },
  { kind: 'surveyResponse', label: 'Survey answers', colour: 'orange' },
  { kind: 'change', label: 'Changes', colour: 'gray' },
] as const;

export const kindColour = (kind: string) => TIMELINE_KINDS.find((candidate) => candidate.kind === kind)?.colour ?? 'gray';

/** `kinds` empty means every kind. */
export function TimelineKindFilter({ kinds, onChange }: { kinds: string[]; onChange: (kinds: string[]) => void }) {
  return (
    <Group gap={6} role="group" aria-label="Show on the timeline" wrap="wrap">
      <Chip size="xs" checked={kinds.length === 0} onChange={() => onChange([])}>All</Chip>
      <Chip.Group multiple value={kinds} onChange={(picked) => onChange(TIMELINE_KINDS.map((item) => item.kind).filter((kind) => picked.includes(kind)))}>
        {TIMELINE_KINDS.map((item) => <Chip key={item.kind} size="xs" value={item.kind} color={item.colour}>{item.label}</Chip>)}
      </Chip.Group>
    </Group>
  );
}
