import { linkTo, tagsField } from './shared-fields.js';
import { choicesOf, withSystemFields } from './system-fields.js';

export const cases = withSystemFields({
  name: 'cases',
  labelSingular: 'Case',
  labelPlural: 'Cases',
  description: 'A support ticket: a customer’s problem, from opening to resolution.',
  ownerField: 'assigneeId',
  displayField: 'subject',
  timeline: { at: 'openedAt', title: 'subject', kind: 'case' },
  fields: [
    { name: 'subject', label: 'Subject', type: 'text', isRequired: true, isSearchable: true, isListed: true, maxLength: 500 },
    { name: 'description', label: 'Description', type: 'text', isSearchable: true, maxLength: 100000 },
    { name: 'status', label: 'Status', type: 'select', choices: choicesOf('new', 'open', 'pending', 'resolved', 'closed'), defaultValue: 'new', isListed: true },
    { name: 'priority', label: 'Priority', type: 'select', choices: choicesOf('low', 'normal', 'high', 'urgent'), defaultValue: 'normal', isListed: true },
    { name: 'channel', label: 'Channel', type: 'select', choices: choicesOf('email', 'phone', 'chat', 'web', 'social', 'inPerson') },
    { name: 'category', label: 'Category', type: 'text', isListed: true, maxLength: 120 },
    linkTo('people', 'person', 'Customer', { isListed: true }),
    linkTo('companies', 'company', 'Company'),
    linkTo('products', 'product', 'Product'),
    { name: 'assigneeId', label: 'Assignee', type: 'user', isListed: true },
    { name: 'openedAt', label: 'Opened at', type: 'datetime', isListed: true, description: 'Defaults to the time of creation.' },
    { name: 'firstResponseAt', label: 'First response at', type: 'datetime' },
    { name: 'resolvedAt', label: 'Resolved at', type: 'datetime', description: 'Set when the status becomes resolved, unless given.' },
    { name: 'closedAt', label: 'Closed at', type: 'datetime', description: 'Set when the status becomes closed, unless given.' },
    { name: 'supportMinutes', label: 'Support time (min)', type: 'number', min: 0, defaultValue: 0, description: 'Time spent on the case; the basis of cost to serve.' },
    tagsField,
  ],
});
