import { withSystemFields } from './system-fields.js';

export const tags = withSystemFields({
  name: 'tags',
  labelSingular: 'Tag',
  labelPlural: 'Tags',
  description: 'A label you can put on people, companies, deals and cases.',
  displayField: 'name',
  fields: [
    { name: 'name', label: 'Name', type: 'text', isRequired: true, isUnique: true, isSearchable: true, isListed: true, maxLength: 80 },
    { name: 'color', label: 'Colour', type: 'text', maxLength: 7, description: 'Hex colour such as #3b82f6.' },
  ],
});
