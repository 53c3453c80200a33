// Typed domain errors with stable codes. One error handler (http/problem.ts) turns them into
// application/problem+json; nothing else builds an error body.

export interface FieldProblem {
  /** The field as the caller named it: `email`, `lines[2].quantity`, `filter`. */
  field: string;
  message: string;
  /** For batches: the index of the record in the request. */
  index?: number;
  /** For filters: the 1-based position in the filter text. */
  position?: number;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** Stable, machine-readable problem code; the problem type is `urn:rapport:problem:<code>`. */
  abstract readonly code: string;
  abstract readonly title: string;
  readonly errors?: FieldProblem[];
  readonly headers?: Record<string, string>;

  constructor(detail: string, errors?: FieldProblem[]) {
    super(detail);
    this.errors = errors;
  }
}

export class ValidationFailed extends DomainError {
  readonly status = 400;
  readonly code = 'validation-failed';
  readonly title = 'The request is not valid';
  constructor(errors: FieldProblem[], detail?: string) {
    super(detail ?? errors.map((e) => `${e.index !== undefined ? `[${e.index}] ` : ''}${e.field}: ${e.message}`).join('; '), errors);
  }
}

export class Unauthorized extends DomainError {
  readonly status = 401;
  readonly code: string = 'unauthorized';
  readonly title: string = 'Authentication required';
  override readonly headers = { 'www-authenticate': 'Bearer realm="rapport"' };
}

export class Forbidden extends DomainError {
  readonly status = 403;
  readonly code: string = 'forbidden';
  readonly title: string = 'Not allowed';
}

export class NotFound extends DomainError {
  readonly status = 404;
  readonly code = 'not-found';
  readonly title = 'Not found';
}

export class VersionConflict extends DomainError {
  readonly status = 409;
  readonly code = 'version-conflict';
  readonly title = 'The record has changed since you read it';
  constructor(readonly currentVersion: number, detail = `the record is at version ${currentVersion}; read it again and retry`, errors?: FieldProblem[]) {
    super(detail, errors);
  }
}

export class Conflict extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
  readonly title = 'Conflicts with existing data';
}

export class BusinessRule extends DomainError {
  readonly status = 422;
  readonly code = 'business-rule';
  readonly title = 'Refused by a business rule';
}

export class TooManyRequests extends DomainError {
  readonly status = 429;
  readonly code = 'too-many-requests';
  readonly title = 'Too many attempts';
  override readonly headers: Record<string, string>;
  constructor(detail: string, retryAfterSeconds: number) {
    super(detail);
    this.headers = { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) };
  }
}

export class ServiceUnavailable extends DomainError {
  readonly status = 503;
  readonly code = 'unavailable';
  readonly title = 'Not available on this server';
}
