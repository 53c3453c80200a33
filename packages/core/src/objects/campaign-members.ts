import { linkTo } from './shared-fields.js';
import { choicesOf, withSystemFields } from './system-fields.js';

/** SPEC §4.2: sent, delivered, opened, clicked, responded, converted, unsubscribed. */
export const campaignMembers = withSystemFields({
  name: 'campaignMembers',
  labelSingular: 'Campaign member',
  labelPlural: 'Campaign members',
  description: 'A person targeted by a campaign, and how far they engaged.',
  displayField: 'status',
  fields: [
    linkTo('campaigns', 'campaign', 'Campaign', { isRequired: true, isListed: true }),
    linkTo('people', 'person', 'Person', { isRequired: true, isListed: true }),
    { name: 'status', label: 'Status', type: 'select', choices: choicesOf('targeted', 'sent', 'delivered', 'opened', 'clicked', 'responded', 'converted', 'unsubscribed', 'bounced'), defaultValue: 'targeted', isListed: true },
    { name: 'sentAt', label: 'Sent at', type: 'datetime' },
    { name: 'openedAt', label: 'Opened at', type: 'datetime' },
    { name: 'clickedAt', label: 'Clicked at', type: 'datetime' },
    { name: 'respondedAt', label: 'Responded at', type: 'datetime' },
  ],
});
