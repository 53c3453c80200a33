import { activityLinks } from './shared-fields.js';
import { choicesOf, withSystemFields } from './system-fields.js';

export const tasks = withSystemFields({
  name: 'tasks',
  labelSingular: 'Task',
  labelPlural: 'Tasks',
  description: 'Something to do, for someone, by a date.',
  ownerField: 'assigneeId',
  displayField: 'title',
  timeline: { at: 'createdAt', title: 'title', kind: 'task' },
  fields: [
    { name: 'title', label: 'Title', type: 'text', isRequired: true, isSearchable: true, isListed: true, maxLength: 500 },
    { name: 'description', label: 'Description', type: 'text', maxLength: 10000 },
    { name: 'status', label: 'Status', type: 'select', choices: choicesOf('open', 'inProgress', 'done', 'cancelled'), defaultValue: 'open', isListed: true },
    { name: 'priority', label: 'Priority', type: 'select', choices: choicesOf('low', 'normal', 'high', 'urgent'), defaultValue: 'normal', isListed: true },
    { name: 'dueAt', label: 'Due', type: 'datetime', isListed: true },
    { name: 'completedAt', label: 'Completed at', type: 'datetime', isReadOnly: true },
    { name: 'assigneeId', label: 'Assignee', type: 'user', isListed: true },
    ...activityLinks,
  ],
});
