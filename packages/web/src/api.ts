// The one door to the API: same-origin fetch with the session cookie, JSON in and out, and
// problem+json errors turned into ApiError with the fields they name.

export interface FieldProblem {
  field: string;
  message: string;
  index?: number;
  position?: number;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly type: string, message: string, readonly errors: FieldProblem[] = []) {
    super(message);
  }

  /** The message about one field, if the API named it. */
  about(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

export interface Reply<T> {
  body: T;
  etag: string | null;
}

/**
 * Calls the API; throws ApiError for any non-2xx answer, and for a network failure (status 0).
 * @example const { body } = await api<{ data: Person[] }>('GET', '/objects/people?limit=50');
 */
export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Nothing was lost: try again.');
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = parsed ?? {};
    throw new ApiError(response.status, problem.type ?? 'unknown', problem.detail ?? problem.title ?? response.statusText, problem.errors ?? []);
  }
  return { body: parsed as T, etag: response.headers.get('etag') };
}

export type RecordValues = Record<string, unknown> & { id: string; version: number };

export interface FieldDescription {
  name: string;
  label: string;
  type: string;
  isRequired?: boolean;
  isReadOnly?: boolean;
  isSystem?: boolean;
  isListed?: boolean;
  choices?: { value: string; label: string }[];
  relation?: { name: string; target: string; cardinality: 'one' | 'many' };
}

export interface ObjectDescription {
  name: string;
  labelSingular: string;
  labelPlural: string;
  isCustom: boolean;
  displayField: string;
  fields: FieldDescription[];
}

export interface Me {
  user: { id: string; email: string; name: string; hasTwoFactor: boolean };
  workspace: { id: string; slug: string; name: string };
  role: string;
  workspaces: { id: string; slug: string; name: string; role: string }[];
  mustEnrolTwoFactor: boolean;
  permissions: { isAdmin: boolean; objects: Record<string, string[]> };
}
