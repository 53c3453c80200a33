import { linkTo, tagsField } from './shared-fields.js';
import { METRIC_FIELDS } from './metric-fields.js';
import { choicesOf, withSystemFields } from './system-fields.js';

/** SPEC §2.2: subscriber → lead → MQL → SQL → opportunity → customer → advocate, or churned. */
export const LIFECYCLE_STAGES = [
  'subscriber', 'lead', 'marketingQualified', 'salesQualified', 'opportunity', 'customer', 'advocate', 'churned',
];

export const people = withSystemFields({
  name: 'people',
  labelSingular: 'Person',
  labelPlural: 'People',
  description: 'A contact: a lead, a customer, or anyone you deal with.',
  ownerField: 'ownerId',
  displayField: 'fullName',
  fields: [
    { name: 'firstName', label: 'First name', type: 'text', isSearchable: true, maxLength: 100 },
    { name: 'lastName', label: 'Last name', type: 'text', isSearchable: true, maxLength: 100 },
    { name: 'fullName', label: 'Name', type: 'text', isReadOnly: true, isListed: true, description: 'First and last name, maintained by Rapport.' },
    { name: 'email', label: 'Email', type: 'email', isUnique: true, isSearchable: true, isListed: true },
    { name: 'otherEmails', label: 'Other emails', type: 'emailList', isSearchable: true },
    { name: 'phone', label: 'Phone', type: 'phone', isSearchable: true, isListed: true },
    { name: 'otherPhones', label: 'Other phones', type: 'phoneList' },
    { name: 'jobTitle', label: 'Job title', type: 'text', maxLength: 200 },
    linkTo('companies', 'company', 'Company', { isListed: true, description: 'Primary company; always one of `companyIds`.' }),
    { name: 'companyIds', label: 'Companies', type: 'relation', relation: { name: 'companies', target: 'companies', cardinality: 'many', through: { table: 'person_companies', sourceColumn: 'person_id', targetColumn: 'company_id' } } },
    { name: 'lifecycleStage', label: 'Lifecycle stage', type: 'select', choices: choicesOf(...LIFECYCLE_STAGES), defaultValue: 'lead', isListed: true },
    { name: 'leadStatus', label: 'Lead status', type: 'select', choices: choicesOf('new', 'contacted', 'qualified', 'unqualified', 'nurturing') },
    { name: 'source', label: 'Source', type: 'select', choices: choicesOf('web', 'referral', 'event', 'ads', 'partner', 'outbound', 'import', 'manual', 'other') },
    linkTo('people', 'referredBy', 'Referred by'),
    { name: 'ownerId', label: 'Owner', type: 'user', isListed: true },
    { name: 'hasEmailConsent', label: 'Email consent', type: 'boolean', defaultValue: false },
    { name: 'hasSmsConsent', label: 'SMS consent', type: 'boolean', defaultValue: false },
    { name: 'hasPhoneConsent', label: 'Phone consent', type: 'boolean', defaultValue: false },
    { name: 'city', label: 'City', type: 'text', maxLength: 120 },
    { name: 'country', label: 'Country', type: 'text', maxLength: 2, description: 'ISO 3166-1 alpha-2 code.' },
    { name: 'birthday', label: 'Birthday', type: 'date' },
    { name: 'linkedinUrl', label: 'LinkedIn', type: 'url' },
    tagsField,
    ...METRIC_FIELDS,
  ],
});
