import { tagsField } from './shared-fields.js';
import { METRIC_FIELDS } from './metric-fields.js';
import { choicesOf, withSystemFields } from './system-fields.js';

export const INDUSTRIES = [
  'software', 'manufacturing', 'retail', 'finance', 'healthcare', 'education', 'hospitality',
  'logistics', 'media', 'construction', 'energy', 'agriculture', 'consulting', 'realEstate',
  'telecommunications', 'nonProfit', 'government', 'automotive', 'foodAndBeverage', 'other',
];

export const companies = withSystemFields({
  name: 'companies',
  labelSingular: 'Company',
  labelPlural: 'Companies',
  description: 'An organisation you sell to, buy from or work with.',
  ownerField: 'ownerId',
  displayField: 'name',
  timelineRollup: { object: 'people', field: 'companyIds' },
  fields: [
    { name: 'name', label: 'Name', type: 'text', isRequired: true, isSearchable: true, isListed: true, maxLength: 200 },
    { name: 'domain', label: 'Domain', type: 'text', isUnique: true, isSearchable: true, isListed: true, maxLength: 253 },
    { name: 'industry', label: 'Industry', type: 'select', choices: choicesOf(...INDUSTRIES), isListed: true },
    { name: 'type', label: 'Type', type: 'select', choices: choicesOf('prospect', 'customer', 'partner', 'vendor', 'competitor', 'other'), defaultValue: 'prospect', isListed: true },
    { name: 'employees', label: 'Employees', type: 'number', isInteger: true, min: 0 },
    { name: 'annualRevenue', label: 'Annual revenue', type: 'currency', min: 0 },
    { name: 'currency', label: 'Currency', type: 'currencyCode' },
    { name: 'website', label: 'Website', type: 'url' },
    { name: 'phone', label: 'Phone', type: 'phone' },
    { name: 'country', label: 'Country', type: 'text', maxLength: 2, description: 'ISO 3166-1 alpha-2 code.' },
    { name: 'city', label: 'City', type: 'text', maxLength: 120, isListed: true },
    { name: 'description', label: 'Description', type: 'text', maxLength: 10000 },
    { name: 'ownerId', label: 'Owner', type: 'user', isListed: true },
    tagsField,
    ...METRIC_FIELDS,
  ],
});
