import { activityLinks, linkTo } from './shared-fields.js';
import { choicesOf, withSystemFields } from './system-fields.js';

/** SPEC §2.1: email, call, meeting, chat, social, web visit, SMS, in person. */
export const CHANNELS = ['email', 'call', 'meeting', 'chat', 'social', 'webVisit', 'sms', 'inPerson'];

export const interactions = withSystemFields({
  name: 'interactions',
  labelSingular: 'Interaction',
  labelPlural: 'Interactions',
  description: 'A touchpoint with a customer: who took part, which way it went and who started it.',
  ownerField: 'ownerId',
  displayField: 'subject',
  timeline: { at: 'occurredAt', title: 'subject', kind: 'interaction' },
  fields: [
    { name: 'channel', label: 'Channel', type: 'select', choices: choicesOf(...CHANNELS), isRequired: true, isListed: true },
    { name: 'direction', label: 'Direction', type: 'select', choices: choicesOf('inbound', 'outbound'), isRequired: true, isListed: true, description: 'Inbound: the customer reached us. Outbound: we reached them.' },
    { name: 'initiatedBy', label: 'Initiated by', type: 'select', choices: choicesOf('customer', 'us'), description: 'Who started the conversation this belongs to.' },
    { name: 'occurredAt', label: 'Occurred at', type: 'datetime', isRequired: true, isListed: true },
    { name: 'durationSeconds', label: 'Duration (s)', type: 'number', isInteger: true, min: 0 },
    { name: 'subject', label: 'Subject', type: 'text', isSearchable: true, isListed: true, maxLength: 500 },
    { name: 'body', label: 'Content', type: 'text', maxLength: 100000 },
    { name: 'outcome', label: 'Outcome', type: 'select', choices: choicesOf('completed', 'noAnswer', 'leftMessage', 'replied', 'noReply', 'scheduled', 'cancelled') },
    linkTo('interactions', 'inReplyTo', 'In reply to'),
    {
      name: 'participants', label: 'Participants', type: 'collection',
      collection: {
        table: 'interaction_participants', parentColumn: 'interaction_id', maxItems: 200,
        fields: [
          linkTo('people', 'person', 'Person', { isRequired: true }),
          { name: 'role', label: 'Role', type: 'select', choices: choicesOf('from', 'to', 'cc', 'attendee'), isRequired: true },
        ],
      },
    },
    ...activityLinks.filter((link) => link.name !== 'personId'),
    { name: 'ownerId', label: 'Owner', type: 'user' },
  ],
});
