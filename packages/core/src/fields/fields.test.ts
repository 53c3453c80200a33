import { describe, expect, it } from 'vitest';
import { FIELD_TYPE_SPECS, people, recordSchemas } from '@rapport/core';

describe('field types', () => {
  it('normalises a phone number to E.164 and refuses one that cannot exist', () => {
    expect(FIELD_TYPE_SPECS.phone.normalize('+44 20 7946 0958', { name: 'p', label: 'p', type: 'phone' })).toEqual({ ok: true, value: '+442079460958' });
    expect(FIELD_TYPE_SPECS.phone.normalize('12', { name: 'p', label: 'p', type: 'phone' }).ok).toBe(false);
  });

  it('stores instants as fixed-width UTC text', () => {
    expect(FIELD_TYPE_SPECS.datetime.normalize('2026-03-01T10:00:00+02:00', { name: 'd', label: 'd', type: 'datetime' })).toEqual({ ok: true, value: '2026-03-01T08:00:00.000Z' });
  });

  it('builds a create schema that requires the required fields and nothing read-only', () => {
    const { create } = recordSchemas(people);
    expect(create.required).toEqual([]);
    expect(Object.keys(create.properties as object)).not.toContain('fullName');
    expect(Object.keys(create.properties as object)).toContain('email');
  });
});
