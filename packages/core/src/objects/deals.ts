import { linkTo, tagsField } from './shared-fields.js';
import { choicesOf, withSystemFields } from './system-fields.js';

export const deals = withSystemFields({
  name: 'deals',
  labelSingular: 'Deal',
  labelPlural: 'Deals',
  description: 'A sales opportunity moving through a pipeline.',
  ownerField: 'ownerId',
  displayField: 'name',
  timeline: { at: 'createdAt', title: 'name', kind: 'deal' },
  fields: [
    { name: 'name', label: 'Name', type: 'text', isRequired: true, isSearchable: true, isListed: true, maxLength: 200 },
    { name: 'amount', label: 'Amount', type: 'currency', min: 0, isListed: true },
    { name: 'currency', label: 'Currency', type: 'currencyCode' },
    linkTo('pipelines', 'pipeline', 'Pipeline', { description: 'Defaults to the pipeline of the stage.' }),
    linkTo('stages', 'stage', 'Stage', { isRequired: true, isListed: true }),
    { name: 'status', label: 'Status', type: 'select', choices: choicesOf('open', 'won', 'lost'), isReadOnly: true, isListed: true, description: 'Follows the kind of the deal’s stage.' },
    { name: 'probability', label: 'Win probability (%)', type: 'number', min: 0, max: 100, isReadOnly: true, description: 'The stage’s win probability.' },
    { name: 'expectedCloseDate', label: 'Expected close date', type: 'date', isListed: true },
    { name: 'closedAt', label: 'Closed at', type: 'datetime', isReadOnly: true },
    { name: 'stageEnteredAt', label: 'In stage since', type: 'datetime', isReadOnly: true },
    { name: 'wonReason', label: 'Won reason', type: 'text', maxLength: 1000 },
    { name: 'lostReason', label: 'Lost reason', type: 'text', maxLength: 1000 },
    { name: 'source', label: 'Source', type: 'select', choices: choicesOf('inbound', 'outbound', 'referral', 'partner', 'event', 'existingCustomer', 'other') },
    linkTo('companies', 'company', 'Company', { isListed: true }),
    linkTo('people', 'person', 'Primary contact'),
    { name: 'ownerId', label: 'Owner', type: 'user', isListed: true },
    { name: 'description', label: 'Description', type: 'text', maxLength: 10000 },
    tagsField,
  ],
});
