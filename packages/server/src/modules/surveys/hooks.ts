// Survey responses: the score must be on the scale of its kind (NPS 0–10, CSAT 1–5).
import { SURVEY_SCALES } from '@rapport/core';
import type { RecordValues } from '../../engine/codec.js';
import type { ObjectHooks } from '../../engine/hooks.js';
import { ValidationFailed } from '../../errors.js';

function checkScale(record: RecordValues): void {
  const scale = SURVEY_SCALES[record.kind as keyof typeof SURVEY_SCALES];
  const score = record.score as number;
  if (scale && (score < scale.min || score > scale.max)) {
    throw new ValidationFailed([{ field: 'score', message: `a ${String(record.kind).toUpperCase()} score is from ${scale.min} to ${scale.max}` }]);
  }
}

export const surveyHooks: ObjectHooks = {
  beforeCreate: ({ record }) => checkScale(record),
  beforeUpdate: ({ record }) => checkScale(record),
};
