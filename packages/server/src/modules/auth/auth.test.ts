import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { asCookie, member, PASSWORD, sessionCookie, signIn, TEST_ORIGIN } from '../../../test/support/people.js';
import { SessionService, SESSION_IDLE_MS } from './sessions.js';

describe.each(DIALECTS)('sign-in and sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('signs up: a new workspace with the user as admin, signed in with an httpOnly SameSite=Lax cookie', async () => {
    const slug = `signup-${Date.now().toString(36)}`;
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/sign-up',
      payload: { email: `Founder.${slug}@Example.com`, name: 'Founder', password: PASSWORD, workspaceName: 'Founders Ltd', workspaceSlug: slug },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ user: { email: `founder.${slug}@example.com` }, workspace: { slug }, role: 'admin' });
    expect(response.json()).not.toHaveProperty('token');
    const cookie = response.cookies.find((c) => c.name === 'rapport_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await asCookie(t, sessionCookie(response))('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ role: 'admin', permissions: { isAdmin: true, objects: { people: ['read', 'create', 'update', 'delete', 'import', 'export'] } } });
  });

  it('refuses a short password and a taken slug with a problem naming the field', async () => {
    const short = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-up', payload: { email: 'a@example.com', name: 'A', password: 'short', workspaceName: 'A', workspaceSlug: 'a-short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([expect.objectContaining({ field: 'password' })]);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'not-an-email', password: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('email');
  });

  it('answers a wrong email and a wrong password alike, and audits the failure', async () => {
    const rep = await member(t, 'salesRep');
    const wrongPassword = await signIn(t, rep.email, 'wrong password!');
    const wrongEmail = await signIn(t, 'nobody@example.com', 'wrong password!');
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongEmail.statusCode).toBe(401);
    expect(wrongPassword.json().detail).toBe(wrongEmail.json().detail);
    const audit = await t.ok('GET', `/api/v1/audit?action=signIn.failed&targetId=${rep.userId}`);
    expect(audit.data).toHaveLength(1);
    expect(JSON.stringify(audit.data)).not.toContain('wrong password');
  });

  it('issues a new session id at every sign-in (no fixation) and ends sessions on sign-out', async () => {
    const rep = await member(t, 'salesRep');
    const planted = 'rapport_session=rps_planted-by-an-attacker-0000000000000000000000';
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { cookie: planted }, payload: { email: rep.email, password: PASSWORD } });
    const second = sessionCookie(again);
    expect(second).not.toBe(planted);
    expect(second).not.toBe(rep.cookie);
    expect((await asCookie(t, planted)('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await rep.call('POST', '/api/v1/auth/sign-out')).statusCode).toBe(204);
    expect((await rep.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await asCookie(t, second)('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const everywhere = await asCookie(t, second)('POST', '/api/v1/auth/sign-out-everywhere');
    expect(everywhere.json()).toEqual({ ended: 1 });
    expect((await asCookie(t, second)('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('rotates the session when the role changes, and applies the new role', async () => {
    const user = await member(t, 'readOnly');
    expect((await user.call('POST', '/api/v1/objects/people', { firstName: 'Nope' })).statusCode).toBe(403);
    await t.ok('PATCH', `/api/v1/settings/members/${user.userId}`, { role: 'salesRep' });
    expect((await user.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const fresh = asCookie(t, sessionCookie(await signIn(t, user.email)));
    expect((await fresh('POST', '/api/v1/objects/people', { firstName: 'Now yes' })).statusCode).toBe(201);
  });

  it('ends a session after idle time and after its absolute lifetime', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const sessions = new SessionService(t.services.database, () => now);
    const rep = await member(t, 'salesRep');
    const { token } = await sessions.create(t.workspaceId, rep.userId);
    now += SESSION_IDLE_MS - 60_000;
    expect(await sessions.verify(token)).toBeDefined();
    now += SESSION_IDLE_MS - 60_000; // used just before the idle limit: still alive
    expect(await sessions.verify(token)).toBeDefined();
    now += SESSION_IDLE_MS + 1;
    expect(await sessions.verify(token)).toBeUndefined();
    const { token: busy } = await sessions.create(t.workspaceId, rep.userId);
    for (let day = 0; day < 15; day++) {
      now += 11 * 60 * 60 * 1000;
      if (day < 13) expect(await sessions.verify(busy), `day ${day}`).toBeDefined();
    }
    expect(await sessions.verify(busy)).toBeUndefined();
  });

  it('refuses a cookie-authenticated write from another site, and one without Origin', async () => {
    const rep = await member(t, 'salesRep');
    const evil = await rep.call('POST', '/api/v1/objects/people', { firstName: 'Csrf' }, { origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().type).toBe('urn:rapport:problem:cross-site-request');
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/objects/people', headers: { cookie: rep.cookie }, payload: { firstName: 'Csrf' } });
    expect(none.statusCode).toBe(403);
    expect((await rep.call('GET', '/api/v1/objects/people?limit=1', undefined, { origin: 'https://evil.example' })).statusCode).toBe(200);
    expect((await rep.call('POST', '/api/v1/objects/people', { firstName: 'Same site' }, { origin: TEST_ORIGIN })).statusCode).toBe(201);
    const { data } = await t.ok('GET', `/api/v1/objects/people?filter=${encodeURIComponent('firstName = "Csrf"')}`);
    expect(data).toEqual([]);
  });

  it('locks an account out after 10 failed sign-ins in a minute, even with the right password', async () => {
    const rep = await member(t, 'salesRep');
    const attempt = (password: string, i: number) => t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: rep.email, password }, remoteAddress: `192.0.2.${i}` });
    for (let i = 0; i < 10; i++) expect((await attempt('wrong password!', i)).statusCode).toBe(401);
    const eleventh = await attempt('wrong password!', 10);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.headers['content-type']).toContain('application/problem+json');
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(PASSWORD, 11)).statusCode).toBe(429);
  });

  it('turns on two-factor: sign-in then needs a code or a one-time recovery code', async () => {
    const rep = await member(t, 'salesRep');
    const enrol = await rep.call('POST', '/api/v1/auth/two-factor/enrol');
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri, qrCode } = enrol.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Rapport:/);
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    expect((await rep.call('POST', '/api/v1/auth/two-factor/confirm', { code: '000000' })).statusCode).toBe(401);
    const confirmed = await rep.call('POST', '/api/v1/auth/two-factor/confirm', { code: await generate({ secret }) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect((await rep.call('GET', '/api/v1/auth/me')).statusCode).toBe(401); // sessions rotate on a two-factor change

    const withoutCode = await signIn(t, rep.email);
    expect(withoutCode.statusCode).toBe(401);
    expect(withoutCode.json().type).toBe('urn:rapport:problem:two-factor-required');
    expect((await signIn(t, rep.email, PASSWORD, { code: '123456' })).statusCode).toBe(401);
    expect((await signIn(t, rep.email, PASSWORD, { code: await generate({ secret }) })).statusCode).toBe(200);
    expect((await signIn(t, rep.email, PASSWORD, { code: recoveryCodes[0] })).statusCode).toBe(200);
    expect((await signIn(t, rep.email, PASSWORD, { code: recoveryCodes[0] })).statusCode).toBe(401);
    const audit = await t.ok('GET', `/api/v1/audit?action=twoFactor.*&targetId=${rep.userId}`);
    expect(audit.data.map((e: { action: string }) => e.action).sort()).toEqual(['twoFactor.enabled', 'twoFactor.recoveryCodeUsed']);
  });

  it('lets a workspace require two-factor: members without it may only enrol', async () => {
    const other = await t.otherWorkspace();
    const admin = await member(t, 'admin', other.workspaceId);
    const rep = await member(t, 'salesRep', other.workspaceId);
    expect((await admin.call('PATCH', '/api/v1/settings/workspace', { requiresTwoFactor: true })).statusCode).toBe(200);
    const blocked = await rep.call('GET', '/api/v1/objects/people');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().type).toBe('urn:rapport:problem:two-factor-enrolment-required');
    expect((await rep.call('GET', '/api/v1/auth/me')).json()).toMatchObject({ mustEnrolTwoFactor: true });
    const { secret } = (await rep.call('POST', '/api/v1/auth/two-factor/enrol')).json();
    const confirmed = await rep.call('POST', '/api/v1/auth/two-factor/confirm', { code: await generate({ secret }) });
    expect((await asCookie(t, sessionCookie(confirmed))('GET', '/api/v1/objects/people')).statusCode).toBe(200);
  });

  it('switches workspace with a new session, only to workspaces the user belongs to', async () => {
    const rep = await member(t, 'salesRep');
    const other = await t.otherWorkspace();
    await t.services.users.addToWorkspace(other.workspaceId, { email: rep.email, name: 'x', role: 'readOnly' });
    const switched = await rep.call('POST', '/api/v1/auth/switch', { workspace: other.slug });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ workspace: { slug: other.slug }, role: 'readOnly' });
    expect((await rep.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const stranger = await t.otherWorkspace();
    expect((await asCookie(t, sessionCookie(switched))('POST', '/api/v1/auth/switch', { workspace: stranger.slug })).statusCode).toBe(404);
  });
});
