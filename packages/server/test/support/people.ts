// Signed-in users for tests: members of a test workspace with a role (and teams), each with a
// session cookie, calling the API the way the web app does (cookie + same-site Origin).
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.js';

export const TEST_ORIGIN = 'http://127.0.0.1:3000';
export { TEST_PASSWORDS } from './server-log.js';
export const PASSWORD = 'correct horse battery staple';
let counter = 0;

export interface SignedInUser {
  userId: string;
  email: string;
  cookie: string;
  call(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** The session cookie a response set, as a Cookie header value. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'rapport_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `rapport_session=${cookie.value}`;
}

export function asCookie(t: TestApp, cookie: string): SignedInUser['call'] {
  return (method, url, body, headers = {}) => t.app.inject({
    method, url, headers: { cookie, origin: TEST_ORIGIN, ...headers }, ...(body !== undefined ? { payload: body as never } : {}),
  });
}

export async function signIn(t: TestApp, email: string, password = PASSWORD, extra: Record<string, unknown> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password, ...extra }, remoteAddress: `10.0.${++counter % 250}.1` });
}

/**
 * A new member of the test app's main workspace (or `workspaceId`) with a role, signed in.
 * @example const rep = await member(t, 'salesRep');
 */
export async function member(t: TestApp, role: string, workspaceId = t.workspaceId): Promise<SignedInUser> {
  const email = `${role.toLowerCase()}-${process.pid}-${++counter}@example.com`;
  const { id } = await t.services.users.addToWorkspace(workspaceId, { email, name: `${role} ${counter}`, password: PASSWORD, role });
  const response = await signIn(t, email, PASSWORD, workspaceId === t.workspaceId ? {} : { workspace: workspaceId });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${role}: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookie(response);
  return { userId: id, email, cookie, call: asCookie(t, cookie) };
}
