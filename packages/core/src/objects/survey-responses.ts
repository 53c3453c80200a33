import { linkTo } from './shared-fields.js';
import { choicesOf, withSystemFields } from './system-fields.js';

/** NPS answers are 0–10; CSAT answers 1–5 (checked by the surveys hook). */
export const surveyResponses = withSystemFields({
  name: 'surveyResponses',
  labelSingular: 'Survey response',
  labelPlural: 'Survey responses',
  description: 'An NPS or CSAT answer from a person, possibly about a case.',
  displayField: 'kind',
  timeline: { at: 'respondedAt', title: 'comment', kind: 'surveyResponse' },
  fields: [
    { name: 'kind', label: 'Kind', type: 'select', choices: [{ value: 'nps', label: 'NPS' }, { value: 'csat', label: 'CSAT' }], isRequired: true, isListed: true },
    { name: 'score', label: 'Score', type: 'number', isInteger: true, min: 0, max: 10, isRequired: true, isListed: true },
    { name: 'comment', label: 'Comment', type: 'text', maxLength: 10000, isSearchable: true },
    { name: 'respondedAt', label: 'Responded at', type: 'datetime', isRequired: true, isListed: true },
    linkTo('people', 'person', 'Person', { isRequired: true, isListed: true }),
    linkTo('cases', 'case', 'Case'),
    linkTo('campaigns', 'campaign', 'Campaign'),
  ],
});

export const SURVEY_SCALES = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 } } as const;
