import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

describe.each(DIALECTS)('the OpenAPI document on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  async function expectValid(document: unknown) {
    const validator = new Validator();
    const result = await validator.validate(document as object);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
  }

  it('serves a public document of the standard objects that passes an OpenAPI 3.1 validator', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    await expectValid(document);
    for (const path of ['/api/v1/objects/people', '/api/v1/objects/people/{id}', '/api/v1/objects/people/{id}/history', '/api/v1/objects/people/batch', '/api/v1/objects/people/upsert', '/api/v1/deals/{id}/move', '/api/v1/metadata/objects/{object}/fields', '/healthz']) {
      expect(document.paths, path).toHaveProperty([path]);
    }
    expect(document.paths['/api/v1/objects/{object}']).toBeUndefined(); // generic routes are described per object
    expect(document.components.schemas.Problem).toBeDefined();
  });

  it('serves each workspace its own document, custom fields and objects included, also valid', async () => {
    await t.ok('POST', '/api/v1/metadata/objects/people/fields', { name: 'favouriteColour', label: 'Favourite colour', type: 'select', choices: [{ value: 'red', label: 'Red' }] }, 201);
    await t.ok('POST', '/api/v1/metadata/objects', { name: 'vessels', labelSingular: 'Vessel', labelPlural: 'Vessels' }, 201);
    const document = await t.ok('GET', '/api/v1/openapi.json');
    await expectValid(document);
    expect(document.components.schemas.PersonCreate.properties.favouriteColour.anyOf[0].enum).toEqual(['red']);
    expect(document.paths['/api/v1/objects/vessels']).toBeDefined();
    const other = await t.otherWorkspace();
    const theirs = (await other.call('GET', '/api/v1/openapi.json')).json();
    expect(theirs.paths['/api/v1/objects/vessels']).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).statusCode).toBe(401);
  });

  it('serves the interactive reference at /docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(301);
    const page = await t.app.inject({ method: 'GET', url: response.headers.location as string });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toMatch(/Rapport API/);
  });
});
