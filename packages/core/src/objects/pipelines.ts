import { withSystemFields } from './system-fields.js';

export const pipelines = withSystemFields({
  name: 'pipelines',
  labelSingular: 'Pipeline',
  labelPlural: 'Pipelines',
  description: 'A sales process: an ordered list of stages a deal moves through.',
  displayField: 'name',
  fields: [
    { name: 'name', label: 'Name', type: 'text', isRequired: true, isUnique: true, isListed: true, maxLength: 120 },
    { name: 'description', label: 'Description', type: 'text', maxLength: 2000 },
    { name: 'isDefault', label: 'Default', type: 'boolean', defaultValue: false, isListed: true },
    { name: 'position', label: 'Position', type: 'number', isInteger: true, defaultValue: 0 },
  ],
});
