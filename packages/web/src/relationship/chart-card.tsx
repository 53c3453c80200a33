// A dashboard card: a titled chart, what it counts, and the same figures as a table whose rows
// link to the records behind them (the keyboard's way to drill down). A figure the role may not
// see is explained in place of the chart.
import { Alert, Anchor, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiProblem, describeError } from '../api/problem';

export interface FigureRow {
  label: string;
  value: string;
  /** The list of the records behind this figure. */
  href?: string;
}

export interface ChartCardProps {
  id: string;
  title: string;
  /** What is counted, and from where. */
  note?: ReactNode;
  isLoading?: boolean;
  error?: unknown;
  /** Shown when the data holds nothing to chart. */
  empty?: string;
  summary?: ReactNode;
  rows?: FigureRow[];
  rowHeader?: [string, string];
  children?: ReactNode;
}

export function ChartCard({ id, title, note, isLoading, error, empty, summary, rows, rowHeader = ['', 'Value'], children }: ChartCardProps) {
  const headingId = `${id}-title`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-card={id}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>{title}</Title>
        {error ? <Refusal error={error} /> : isLoading ? (
          <Group justify="center" h={200}><Loader aria-label={`Loading ${title.toLowerCase()}`} /></Group>
        ) : empty ? (
          <Text c="dimmed" size="sm" role="status">{empty}</Text>
        ) : (
          <>
            {summary && <Text size="sm">{summary}</Text>}
            {children}
            {rows && rows.length > 0 && (
              <details>
                <summary><Text span size="sm">Show as a table</Text></summary>
                <Table.ScrollContainer minWidth={240} maxHeight={280}>
                  <Table striped fz="sm" aria-label={`${title}: figures`}>
                    <Table.Thead>
                      <Table.Tr><Table.Th scope="col">{rowHeader[0]}</Table.Th><Table.Th scope="col" ta="right">{rowHeader[1]}</Table.Th></Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((row) => (
                        <Table.Tr key={row.label}>
                          <Table.Th scope="row" fw="normal">{row.href ? <Anchor component={Link} to={row.href}>{row.label}</Anchor> : row.label}</Table.Th>
                          <Table.Td ta="right">{row.value}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </details>
            )}
          </>
        )}
        {note && !error && <Text size="xs" c="dimmed">{note}</Text>}
      </Stack>
    </Card>
  );
}

function Refusal({ error }: { error: unknown }) {
  if (error instanceof ApiProblem && error.status === 403) {
    return (
      <Alert color="gray" title="Not available to your role" data-refused>
        {sentence(error.detail ?? 'your role may not read these figures')} Ask an admin if you need them.
      </Alert>
    );
  }
  return <Alert color="red" role="alert" title="These figures could not be loaded">{describeError(error)}</Alert>;
}

/** A server's message as a sentence: capitalised, with its full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
