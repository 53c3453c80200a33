// The one way the web app talks to the API: same-origin fetch with the session cookie. Writes
// pass the server's Origin check because the browser adds the header itself. A 401 outside
// sign-in tells the session layer that the user is signed out.
import { ApiProblem, NetworkError } from './problem';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** The record version the write is based on; the server answers 409 when it is stale. */
  ifMatch?: number;
  signal?: AbortSignal;
}

type SignedOutListener = () => void;
let onSignedOut: SignedOutListener | undefined;

/** Called when a request finds the session gone (401). */
export function whenSignedOut(listener: SignedOutListener | undefined) {
  onSignedOut = listener;
}

export function buildUrl(path: string, query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

/**
 * Calls the API and returns the parsed JSON body (undefined for 204); throws ApiProblem.
 * @example const page = await request<Page>('/objects/people', { query: { limit: 50 } });
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    // An abort is the caller's own doing; anything else means the server was not reached.
    if (options.signal?.aborted) throw error;
    throw new NetworkError(error);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = new ApiProblem({ status: response.status, ...(typeof body === 'object' && body ? body : { detail: text || response.statusText }) });
    // A wrong password or two-factor code is a 401 too, but the session is still there.
    if (response.status === 401 && !path.startsWith('/auth/sign-in') && !path.startsWith('/auth/two-factor/')) onSignedOut?.();
    throw problem;
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}
