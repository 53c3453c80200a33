// Cases: opened now unless told otherwise; resolving or closing stamps the time once.
import type { RecordValues } from '../../engine/codec.js';
import type { ObjectHooks } from '../../engine/hooks.js';

function stamp(record: RecordValues, now: string): void {
  if (record.status === 'resolved' || record.status === 'closed') record.resolvedAt ??= now;
  if (record.status === 'closed') record.closedAt ??= now;
}

export const caseHooks: ObjectHooks = {
  beforeCreate({ record }) {
    record.openedAt ??= record.createdAt;
    stamp(record, record.createdAt as string);
  },
  beforeUpdate({ record, changes }) {
    if (changes.has('status')) stamp(record, new Date().toISOString());
  },
};
