import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { BODY_LIMIT } from '../../app.js';

describe.each(DIALECTS)('operational endpoints on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('answers health and readiness without credentials', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ok' });
    const front = await t.app.inject({ method: 'GET', url: '/' });
    expect(front.headers['content-type']).toMatch(/text\/html/);
  });

  it('is hardened by default: security headers, no cross-origin access, a body limit answered with a problem', async () => {
    const response = await t.call('GET', '/api/v1/objects/people?limit=1');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
    // CORS is closed: neither a simple request nor a preflight from another site is allowed.
    const cross = await t.call('GET', '/api/v1/objects/people?limit=1', undefined, { origin: 'https://evil.example' });
    expect(cross.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/objects/people', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    // A body over the limit is refused before it is parsed, with a problem.
    const oversized = await t.call('POST', '/api/v1/objects/people', { firstName: 'x'.repeat(BODY_LIMIT + 1) });
    expect(oversized.statusCode).toBe(413);
    expect(oversized.headers['content-type']).toContain('application/problem+json');
  });

  it('counts requests and their latency per route pattern in Prometheus format', async () => {
    await t.call('GET', '/api/v1/objects/people');
    await t.call('GET', '/api/v1/objects/people/01900000-0000-7000-8000-000000000000');
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/objects\/:object",status_code="200"\} \d+/);
    expect(response.body).toMatch(/http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/objects\/:object\/:id",status_code="404"\}/);
    expect(response.body).not.toMatch(/01900000-0000/);
  });

  it('echoes a request id and puts it in every problem', async () => {
    const response = await t.call('GET', '/api/v1/objects/nothing', undefined, { 'x-request-id': 'trace-123' });
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.json().requestId).toBe('trace-123');
  });

  it('says the database is not ready when it cannot be reached', async () => {
    const broken = await createTestApp(dialect);
    await broken.database.close();
    const response = await broken.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    await broken.app.close();
  });
});
