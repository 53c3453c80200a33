// Password reset and invitations, with mail delivered to a real SMTP server started here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { asCookie, member, PASSWORD, sessionCookie, signIn } from '../../../test/support/people.js';
import { startSmtp, type Mail } from '../../../test/support/smtp.js';

const tokenIn = (mail: Mail) => /#token=([\w-]+)/.exec(mail.text)![1];

describe.each(DIALECTS)('password reset and invitations on %s', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(dialect, { smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('resets a password with the emailed one-time link and ends every session', async () => {
    const rep = await member(t, 'salesRep');
    const asked = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: rep.email } });
    expect(asked.statusCode).toBe(202);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'nobody@example.com' } });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(asked.body);
    const mail = await smtp.waitFor(rep.email);
    expect(mail.subject).toContain('Reset');
    const token = tokenIn(mail);
    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'short' } });
    expect(weak.statusCode).toBe(400);
    const done = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'a brand new passphrase' } });
    expect(done.statusCode).toBe(204);
    expect((await rep.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await signIn(t, rep.email, PASSWORD)).statusCode).toBe(401);
    expect((await signIn(t, rep.email, 'a brand new passphrase')).statusCode).toBe(200);
    const reused = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'another new passphrase' } });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().errors[0].field).toBe('token');
    expect(smtp.inbox.some((m) => m.to === 'nobody@example.com')).toBe(false);
  });

  it('invites by email: the link creates an account with the role, once', async () => {
    const email = `invitee-${Date.now()}@example.com`;
    const invitation = await t.ok('POST', '/api/v1/settings/invitations', { email, role: 'supportAgent' }, 201);
    expect(invitation).toMatchObject({ email, role: 'supportAgent', emailed: true });
    const token = tokenIn(await smtp.waitFor(email));
    expect(invitation.url).toContain(token);
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(seen.json()).toMatchObject({ email, role: 'supportAgent', hasAccount: false });
    const missing = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Ines' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('password');
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Ines', password: PASSWORD } });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ role: 'supportAgent', user: { email } });
    expect((await asCookie(t, sessionCookie(accepted))('GET', '/api/v1/objects/cases')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Again', password: PASSWORD } })).statusCode).toBe(404);
    const audit = await t.ok('GET', '/api/v1/audit?action=invitation.*');
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['invitation.created', 'invitation.accepted']));
  });

  it('lets an existing account join only when signed in as the invited email; revoked links stop working', async () => {
    const other = await t.otherWorkspace();
    const admin = await member(t, 'admin', other.workspaceId);
    const rep = await member(t, 'salesRep');
    const invitation = (await admin.call('POST', '/api/v1/settings/invitations', { email: rep.email, role: 'readOnly' })).json();
    const token = tokenIn(await smtp.waitFor(rep.email));
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: {} });
    expect(anonymous.statusCode).toBe(422);
    const joined = await rep.call('POST', `/api/v1/invitations/${token}/accept`, {});
    expect(joined.statusCode).toBe(201);
    expect(joined.json().workspaces).toHaveLength(2);
    const second = (await admin.call('POST', '/api/v1/settings/invitations', { email: `late-${Date.now()}@example.com`, role: 'readOnly' })).json();
    expect((await admin.call('DELETE', `/api/v1/settings/invitations/${second.id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${/#token=([\w-]+)/.exec(second.url)![1]}` })).statusCode).toBe(404);
    expect(invitation.role).toBe('readOnly');
  });
});
