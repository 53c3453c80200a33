// Tasks: completing one stamps its completion time; reopening clears it.
import type { RecordValues } from '../../engine/codec.js';
import type { ObjectHooks } from '../../engine/hooks.js';

function stamp(record: RecordValues, now: string): void {
  record.completedAt = record.status === 'done' ? (record.completedAt ?? now) : null;
}

export const taskHooks: ObjectHooks = {
  beforeCreate: ({ record }) => stamp(record, record.createdAt as string),
  beforeUpdate({ record, changes }) {
    if (changes.has('status')) stamp(record, new Date().toISOString());
  },
};
