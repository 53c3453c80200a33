// What someone typed into a form and has not sent yet, kept in sessionStorage under a key that
// names the form and the record it is about, so that a reload or a failed request loses none
// of it. Cleared once the server has taken it.
import { useCallback, useState } from 'react';

const PREFIX = 'rapport:unsent:';

type Drafts = Record<string, string>;

function read(key: string): Drafts | undefined {
  try {
    const text = sessionStorage.getItem(PREFIX + key);
    const value: unknown = text ? JSON.parse(text) : undefined;
    return value && typeof value === 'object' && !Array.isArray(value) ? value as Drafts : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, drafts: Drafts | undefined) {
  try {
    if (drafts) sessionStorage.setItem(PREFIX + key, JSON.stringify(drafts));
    else sessionStorage.removeItem(PREFIX + key);
  } catch {
    // Storage full or blocked: the draft still lives in the form until the page goes.
  }
}

/** Whether an unsent draft is waiting under the key. */
export const hasUnsentDraft = (key: string) => read(key) !== undefined;

/**
 * The drafts of a form, starting from the unsent ones when there are, and saved as they change.
 * @example const { drafts, setDraft, clear } = useUnsentDraft(`quick-add:people:${id}:notes`, () => ({ title: '' }));
 */
export function useUnsentDraft(key: string, initial: () => Drafts) {
  const [restored] = useState(() => read(key));
  const [drafts, setDrafts] = useState<Drafts>(() => ({ ...initial(), ...restored }));
  const setDraft = useCallback((name: string, draft: string) => {
    setDrafts((current) => {
      const next = { ...current, [name]: draft };
      write(key, next);
      return next;
    });
  }, [key]);
  const clear = useCallback(() => {
    write(key, undefined);
    setDrafts(initial());
  }, [key, initial]);
  return { drafts, setDraft, clear, wasRestored: restored !== undefined };
}
