// The common start of a browser test file: a live server on a fresh SQLite database, Debian's
// Chromium with a fresh profile, one page, and the admin signed in through the sign-in page.
// Also a second member with their own role and browser, for the tests of what a role may do.
import type { Page } from 'playwright-core';
import { openBrowser, type TestBrowser } from './browser.js';
import { startLiveServer, type LiveServer } from './live-server.js';
import { signIn } from './session.js';

export interface SignedInPage {
  server: LiveServer;
  browser: TestBrowser;
  page: Page;
  /** Closes the browser, then the server; safe to call once per file in afterAll. */
  close(): Promise<void>;
}

export interface SignedInPageOptions {
  /** Demo size of the workspace (the live server's default when left out). */
  people?: number;
  /** SMTP server the live server sends its mail to. */
  smtpUrl?: string;
  /** Runs on the server before the browser opens: extra records, members, recomputed metrics. */
  arrange?: (server: LiveServer) => Promise<void>;
  /** Where the sign-in lands (default the people list); `null` leaves the page signed out. */
  next?: string | null;
  viewport?: { width: number; height: number };
}

/**
 * A signed-in admin's page on a fresh server. In a test file:
 * `beforeAll(async () => { ({ server, browser, page, close } = await signedInPage({ next: '/' })); }, 120_000);`
 */
export async function signedInPage(options: SignedInPageOptions = {}): Promise<SignedInPage> {
  const server = await startLiveServer({ people: options.people, smtpUrl: options.smtpUrl });
  let browser: TestBrowser | undefined;
  const close = async () => {
    try {
      await browser?.close();
    } finally {
      await server.close();
    }
  };
  try {
    await options.arrange?.(server);
    browser = await openBrowser(server.url);
    const page = await browser.newPage(options.viewport);
    if (options.next !== null) await signIn(page, server, options.next);
    return { server, browser, page, close };
  } catch (error) {
    // A failed start leaves no server or browser behind for afterAll to miss.
    await close();
    throw error;
  }
}

export interface Member {
  email: string;
  password: string;
  /** Given with a role, the member is added to the workspace first. */
  name?: string;
  role?: string;
}

/**
 * Another member of the workspace, signed in in a browser of their own (own profile, own
 * cookies). Close it in a `finally`.
 */
export async function signedInAs(
  server: LiveServer,
  member: Member,
  options: { next?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ browser: TestBrowser; page: Page; close(): Promise<void> }> {
  if (member.role) {
    const ctx = await server.services.workspaces.contextForSlug(server.workspaceSlug, 'system');
    await server.services.users.addToWorkspace(ctx.workspaceId, { email: member.email, name: member.name ?? member.email, password: member.password, role: member.role });
  }
  const browser = await openBrowser(server.url);
  try {
    const page = await browser.newPage(options.viewport);
    await signIn(page, { ...server, email: member.email, password: member.password }, options.next);
    return { browser, page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
