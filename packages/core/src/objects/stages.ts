import { choicesOf, withSystemFields } from './system-fields.js';

export const stages = withSystemFields({
  name: 'stages',
  labelSingular: 'Stage',
  labelPlural: 'Stages',
  description: 'A step of a pipeline, with its win probability. Kind `won` or `lost` closes a deal.',
  displayField: 'name',
  fields: [
    { name: 'pipelineId', label: 'Pipeline', type: 'relation', isRequired: true, isListed: true, relation: { name: 'pipeline', target: 'pipelines', cardinality: 'one' } },
    { name: 'name', label: 'Name', type: 'text', isRequired: true, isListed: true, maxLength: 120 },
    { name: 'position', label: 'Position', type: 'number', isInteger: true, isRequired: true, isListed: true },
    { name: 'probability', label: 'Win probability (%)', type: 'number', min: 0, max: 100, isRequired: true, isListed: true },
    { name: 'kind', label: 'Kind', type: 'select', choices: choicesOf('open', 'won', 'lost'), defaultValue: 'open', isListed: true },
  ],
});
