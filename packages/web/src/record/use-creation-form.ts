// The state of a form that creates a record (quick add, "New …"): drafts that survive a failed
// request or a reload, the problem of the last attempt, and the submit that sends them.
import { useCallback, useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/problem';
import { createRecord } from '../api/records';
import type { FieldDescription, RecordValues } from '../api/types';
import { initialDrafts, valuesFromDrafts } from '../fields/form-fields';
import { useUnsentDraft } from './unsent-draft';

export interface CreationFormOptions {
  object: string;
  fields: FieldDescription[];
  /** Names the form and what it is about, for the unsent drafts. */
  draftKey: string;
  /** Values sent with every record (the link to the record a quick add is about). */
  base?: Record<string, unknown>;
  /** After the server took it (the drafts are cleared first). */
  onCreated: (created: RecordValues) => unknown;
}

export function useCreationForm({ object, fields, draftKey, base, onCreated }: CreationFormOptions) {
  const initial = useCallback(() => initialDrafts(fields), [fields]);
  const { drafts, setDraft, clear, wasRestored } = useUnsentDraft(draftKey, initial);
  const [problem, setProblem] = useState<Error>();
  const [isBusy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const created = await createRecord(object, valuesFromDrafts(fields, drafts, base));
      clear();
      await onCreated(created);
    } catch (error) {
      setProblem(error as Error);
    } finally {
      setBusy(false);
    }
  };
  /** The server's message for one input, if the last attempt's problem named it. */
  const fieldError = (name: string) => (problem instanceof ApiProblem ? problem.messageFor(name) : undefined);
  return { drafts, setDraft, wasRestored, problem, isBusy, submit, fieldError };
}
