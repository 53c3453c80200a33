// Fields several standard objects share: tags, and the links that tie an activity to the
// records it concerns (which is what puts it on their timelines).
import type { FieldDefinition } from '../fields/types.js';

export const tagsField: FieldDefinition = {
  name: 'tagIds', label: 'Tags', type: 'relation',
  relation: {
    name: 'tags', target: 'tags', cardinality: 'many',
    through: { table: 'record_tags', sourceColumn: 'record_id', targetColumn: 'tag_id', objectColumn: 'object' },
  },
};

/** A to-one link: `personId` with relation name `person` targeting `people`. */
export function linkTo(target: string, relationName: string, label: string, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return { name: `${relationName}Id`, label, type: 'relation', relation: { name: relationName, target, cardinality: 'one' }, ...extra };
}

/** The records an activity (note, task, interaction) can concern. */
export const activityLinks: FieldDefinition[] = [
  linkTo('people', 'person', 'Person'),
  linkTo('companies', 'company', 'Company'),
  linkTo('deals', 'deal', 'Deal'),
  linkTo('cases', 'case', 'Case'),
];
