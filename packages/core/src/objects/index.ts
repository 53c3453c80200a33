// The standard objects (SPEC §2.1), in the order they are listed in the API.
import { campaignMembers } from './campaign-members.js';
import { campaigns } from './campaigns.js';
import { cases } from './cases.js';
import { companies } from './companies.js';
import { deals } from './deals.js';
import { interactions } from './interactions.js';
import { notes } from './notes.js';
import { orders } from './orders.js';
import { people } from './people.js';
import { pipelines } from './pipelines.js';
import { products } from './products.js';
import { stages } from './stages.js';
import { surveyResponses } from './survey-responses.js';
import { tags } from './tags.js';
import { tasks } from './tasks.js';
import type { ObjectDefinition } from './types.js';

export const STANDARD_OBJECTS: readonly ObjectDefinition[] = [
  people, companies, deals, pipelines, stages, interactions, tasks, notes, products, orders,
  cases, campaigns, campaignMembers, surveyResponses, tags,
];

export {
  campaignMembers, campaigns, cases, companies, deals, interactions, notes, orders, people,
  pipelines, products, stages, surveyResponses, tags, tasks,
};
export { CHANNELS } from './interactions.js';
export { INDUSTRIES } from './companies.js';
export { LIFECYCLE_STAGES } from './people.js';
export { SURVEY_SCALES } from './survey-responses.js';
export { METRIC_FIELDS, METRIC_FIELD_NAMES } from './metric-fields.js';
export { SYSTEM_FIELDS, SYSTEM_FIELD_NAMES, withSystemFields, choicesOf } from './system-fields.js';
export type { ObjectDefinition, TimelineSpec } from './types.js';
