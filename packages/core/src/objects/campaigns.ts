import { choicesOf, withSystemFields } from './system-fields.js';

export const campaigns = withSystemFields({
  name: 'campaigns',
  labelSingular: 'Campaign',
  labelPlural: 'Campaigns',
  description: 'A marketing effort with a budget, a cost and members.',
  ownerField: 'ownerId',
  displayField: 'name',
  fields: [
    { name: 'name', label: 'Name', type: 'text', isRequired: true, isSearchable: true, isListed: true, maxLength: 200 },
    { name: 'channel', label: 'Channel', type: 'select', choices: choicesOf('email', 'social', 'ads', 'event', 'webinar', 'directMail', 'content', 'other'), isListed: true },
    { name: 'status', label: 'Status', type: 'select', choices: choicesOf('planned', 'active', 'completed', 'cancelled'), defaultValue: 'planned', isListed: true },
    { name: 'startsOn', label: 'Starts on', type: 'date', isListed: true },
    { name: 'endsOn', label: 'Ends on', type: 'date' },
    { name: 'budget', label: 'Budget', type: 'currency', min: 0 },
    { name: 'actualCost', label: 'Actual cost', type: 'currency', min: 0, isListed: true },
    { name: 'currency', label: 'Currency', type: 'currencyCode', isRequired: true },
    { name: 'description', label: 'Description', type: 'text', maxLength: 10000 },
    { name: 'ownerId', label: 'Owner', type: 'user' },
  ],
});
