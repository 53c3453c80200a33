// Computed relationship metrics (SPEC §7) stored on people and companies: read-only fields that
// Rapport keeps current after every order, interaction, survey answer, case or campaign response
// of the customer, usable in filters, sorts and list columns like any stored field.
import { CUSTOMER_TYPES } from '../analytics/customer-type.js';
import { RFM_SEGMENTS } from '../analytics/rfm.js';
import type { FieldDefinition } from '../fields/types.js';
import { choicesOf } from './system-fields.js';

const computed = (field: FieldDefinition): FieldDefinition => ({ ...field, isReadOnly: true });

export const METRIC_FIELDS: readonly FieldDefinition[] = [
  computed({ name: 'relationshipStrength', label: 'Relationship strength', type: 'number', min: 0, max: 100, description: '0–100 from time, frequency, reciprocity and intensity of interactions; see docs/relationship-strength.md.' }),
  computed({ name: 'csat', label: 'CSAT (%)', type: 'number', min: 0, max: 100, description: 'Share of CSAT answers of 4 or 5.' }),
  computed({ name: 'npsCategory', label: 'NPS category', type: 'select', choices: choicesOf('promoter', 'passive', 'detractor'), description: 'From the latest NPS answer.' }),
  computed({ name: 'rfmScore', label: 'RFM score', type: 'text', description: 'Recency, frequency and monetary quintiles, e.g. "545".' }),
  computed({ name: 'rfmSegment', label: 'RFM segment', type: 'select', choices: choicesOf(...RFM_SEGMENTS) }),
  computed({ name: 'clv', label: 'Lifetime value', type: 'currency', description: 'Profit to date: revenue − cost of goods − cost to serve, in the workspace currency.' }),
  computed({ name: 'predictedPurchases', label: 'Predicted purchases (12 mo)', type: 'number', min: 0, description: 'Expected purchases over the next 12 months (BG/NBD).' }),
  computed({ name: 'predictedClv', label: 'Predicted value (12 mo)', type: 'currency', description: 'Expected revenue over the next 12 months (BG/NBD × Gamma-Gamma), in the workspace currency.' }),
  computed({ name: 'pAlive', label: 'P(alive)', type: 'number', min: 0, max: 1, description: 'Probability that the customer still buys (BG/NBD).' }),
  computed({ name: 'churnRisk', label: 'Churn risk', type: 'number', min: 0, max: 1, description: '1 − P(alive).' }),
  computed({ name: 'customerType', label: 'Customer type', type: 'select', choices: choicesOf(...CUSTOMER_TYPES) }),
  computed({ name: 'metricsAt', label: 'Metrics computed at', type: 'datetime' }),
];

export const METRIC_FIELD_NAMES: ReadonlySet<string> = new Set(METRIC_FIELDS.map((f) => f.name));
