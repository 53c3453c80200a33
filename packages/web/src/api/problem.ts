// An API failure as the server describes it: RFC 9457 problem details with a stable type and
// the failing fields, so that a page can show the message where the user typed.
import type { components } from '@rapport/client';

export type ProblemBody = components['schemas']['Problem'];
export type FieldProblem = NonNullable<ProblemBody['errors']>[number];

export const PROBLEM = {
  twoFactorRequired: 'urn:rapport:problem:two-factor-required',
  versionConflict: 'urn:rapport:problem:version-conflict',
  validationFailed: 'urn:rapport:problem:validation-failed',
} as const;

export class ApiProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldProblem[];

  constructor(body: Partial<ProblemBody> & { status: number }) {
    super(body.detail ?? body.title ?? `request failed with ${body.status}`);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.type = body.type ?? 'about:blank';
    this.title = body.title ?? 'Request failed';
    this.detail = body.detail;
    this.errors = body.errors ?? [];
  }

  /** The message for one field (`filter`, `amount`), if the server named it. */
  messageFor(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }

  /** Messages by field, as a form's `setErrors` takes them. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.errors.filter((error) => error.field).map((error) => [error.field!, error.message]));
  }

  get isConflict(): boolean {
    return this.status === 409;
  }
}

/** The request never got an answer: the server is down or the connection dropped. Nothing was saved. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The server could not be reached, so nothing was saved. Check the connection and try again.', { cause });
    this.name = 'NetworkError';
  }
}

/** The text to show for any error: the problem's detail, or the error's message. */
export function describeError(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail ?? error.title;
  return error instanceof Error ? error.message : String(error);
}
