import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/database.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { member } from '../../../test/support/people.js';

describe.each(DIALECTS)('exporting records as CSV on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    // More than one page (500) of people, and names a spreadsheet would take for formulas.
    const people = Array.from({ length: 620 }, (_, i) => ({ firstName: `Person${i}`, lastName: i % 2 ? 'Odd' : 'Even', city: 'Lyon' }));
    people.push({ firstName: '=HYPERLINK("http://evil.example")', lastName: 'Formula', city: 'Paris' });
    for (let i = 0; i < people.length; i += 500) await t.ok('POST', '/api/v1/objects/people/batch', { operation: 'create', records: people.slice(i, i + 500) });
  });
  afterAll(() => t.close());

  it('exports every page of a filtered list with the chosen columns, and audits it', async () => {
    const response = await t.call('GET', `/api/v1/objects/people/export?filter=${encodeURIComponent('lastName = "Odd"')}&fields=firstName,lastName,city&sort=firstName`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="people-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(response.body) as string[][];
    expect(rows[0]).toEqual(['firstName', 'lastName', 'city']);
    expect(rows).toHaveLength(1 + 310);
    expect(rows.slice(1).every(([, last, city]) => last === 'Odd' && city === 'Lyon')).toBe(true);
    expect(rows[1][0]).toBe('Person1');

    const { data } = await t.ok('GET', `/api/v1/audit?action=record.exported`);
    expect(data[0]).toMatchObject({ action: 'record.exported', targetType: 'people', details: { filter: 'lastName = "Odd"', fields: ['firstName', 'lastName', 'city'] } });
  });

  it('defuses text a spreadsheet would run as a formula', async () => {
    const rows = parse((await t.call('GET', `/api/v1/objects/people/export?filter=${encodeURIComponent('lastName = "Formula"')}&fields=firstName`)).body) as string[][];
    expect(rows[1][0]).toBe(`'=HYPERLINK("http://evil.example")`);
  });

  it('needs the export permission, and answers a bad filter or field before any row', async () => {
    const rep = await member(t, 'salesRep');
    expect((await rep.call('GET', '/api/v1/objects/people/export')).statusCode).toBe(403);
    const marketer = await member(t, 'marketer');
    const allowed = await marketer.call('GET', '/api/v1/objects/people/export?filter=' + encodeURIComponent('city = "Paris"'));
    expect(allowed.statusCode).toBe(200);
    const header = (parse(allowed.body) as string[][])[0];
    expect(header).toContain('email');
    expect(header).not.toContain('clv'); // hidden from marketers
    for (const [url, field] of [
      [`/api/v1/objects/people/export?filter=${encodeURIComponent('city = ')}`, 'filter'],
      ['/api/v1/objects/people/export?fields=firstName,shoeSize', 'fields'],
      ['/api/v1/objects/people/export?limit=5', 'limit'],
    ] as const) {
      const response = await t.call('GET', url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field), url).toContain(field);
    }
    expect((await t.call('GET', '/api/v1/objects/unicorns/export')).statusCode).toBe(404);
  });
});
