// People: the display name follows first and last name, and the primary company is always
// one of the person's companies.
import type { RecordValues } from '../../engine/codec.js';
import type { ObjectHooks } from '../../engine/hooks.js';

function maintain(record: RecordValues): void {
  record.fullName = [record.firstName, record.lastName].filter(Boolean).join(' ') || null;
  const companyIds = (record.companyIds as string[] | null) ?? [];
  if (record.companyId && !companyIds.includes(record.companyId as string)) record.companyIds = [...companyIds, record.companyId];
}

export const peopleHooks: ObjectHooks = {
  beforeCreate: ({ record }) => maintain(record),
  beforeUpdate: ({ record }) => maintain(record),
};
