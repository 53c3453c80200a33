import { activityLinks } from './shared-fields.js';
import { withSystemFields } from './system-fields.js';

export const notes = withSystemFields({
  name: 'notes',
  labelSingular: 'Note',
  labelPlural: 'Notes',
  description: 'A note on a person, company, deal or case.',
  displayField: 'title',
  timeline: { at: 'createdAt', title: 'title', kind: 'note' },
  fields: [
    { name: 'title', label: 'Title', type: 'text', isSearchable: true, isListed: true, maxLength: 500 },
    { name: 'body', label: 'Body', type: 'text', isRequired: true, isSearchable: true, maxLength: 100000 },
    { name: 'isPinned', label: 'Pinned', type: 'boolean', defaultValue: false },
    ...activityLinks,
  ],
});
