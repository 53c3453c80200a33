// A refused settings change: the server's detail, unless a field input already shows it.
import { Alert } from '@mantine/core';
import { ApiProblem, describeError } from '../api/problem';

export function ProblemAlert({ error, shownOn = [] }: { error: unknown; shownOn?: string[] }) {
  if (!error) return null;
  if (error instanceof ApiProblem && error.errors.length > 0 && error.errors.every((problem) => shownOn.includes(problem.field ?? ''))) return null;
  return <Alert color="red" role="alert" title="Not saved">{describeError(error)}</Alert>;
}

/** The server's message for one input, if the last answer named it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiProblem ? error.messageFor(field) : undefined;
}

export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
