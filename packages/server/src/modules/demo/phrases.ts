// The words of demo records: interaction subjects and bodies, support problems, survey comments,
// notes and tasks. `{name}`-style slots are filled by `fill`.

/** Replaces `{slot}` with its value. */
export function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? '');
}

/** Why we or they got in touch; each purpose has its own subjects per channel. */
export const SUBJECTS = {
  checkIn: ['Checking in', 'How is everything going?', 'Quick catch-up', 'Your account review', 'How are you getting on with {product}?'],
  orderFollowUp: ['Your order {order}', 'Delivery of order {order}', 'How is the new {product}?', 'Setting up your {product}'],
  offer: ['New in our {category} range', 'Renewal of {product}', 'An offer for your team: {product}', 'Upgrade options for {product}'],
  question: ['Question about {product}', 'Pricing for {product}', 'Is {product} in stock?', 'Request for a quote', 'Question about invoice for {order}'],
  leadInbound: ['Request for information', 'Contact form: {product}', 'Demo request', 'Quote request for {product}', 'Question about business accounts'],
  leadOutbound: ['Following up on your enquiry', 'Introducing our business service', 'Can we help with your IT equipment?', 'Your {product} enquiry'],
  winBack: ['We miss you', 'A welcome-back offer for you', 'Is there anything we could do better?'],
  praise: ['Thank you for the great service', 'Happy with {product}', 'Recommendation for a colleague'],
  complaint: ['Still waiting for an answer', 'Not happy with {product}', 'Problem again with {product}', 'Disappointed with the delivery'],
} as const;

export type Purpose = keyof typeof SUBJECTS;

export const CALL_SUBJECTS = ['Intro call', 'Follow-up call', 'Account review call', 'Call about {product}', 'Renewal call', 'Check-in call'];
export const MEETING_SUBJECTS = ['Quarterly business review', 'Product demo', 'Onboarding session', 'Contract discussion', 'Roadmap preview', 'Lunch with {first}', 'Workshop planning'];
export const CHAT_SUBJECTS = ['Chat: {product}', 'Chat: order status', 'Chat: pricing question', 'Chat: delivery options'];
export const WEB_PAGES = ['/pricing', '/products/laptops', '/products/software', '/business-accounts', '/support', '/blog/hybrid-work-checklist', '/contact', '/products/networking'];

export const EMAIL_BODIES: Record<'positive' | 'neutral' | 'negative', readonly string[]> = {
  positive: [
    'Thanks a lot, that works perfectly for us.',
    'Great to hear from you. Happy to set up a call next week.',
    'Everything arrived on time, the team is very happy.',
    'Please send the quote, we would like to go ahead.',
  ],
  neutral: [
    'Could you send me more details?',
    'Let me check with my colleagues and come back to you.',
    'Thanks for the update.',
    'Can you confirm the delivery date?',
  ],
  negative: [
    'This is the third time I am writing about this.',
    'We are not satisfied with how this was handled.',
    'Please cancel, we found a cheaper option.',
    'I expected a faster answer.',
  ],
};

/** Recurring support problems: a few dominate, as in real queues (SPEC §5.4). */
export interface CaseProblem {
  category: string;
  weight: number;
  subjects: readonly string[];
  /** Product categories the problem is about (empty: not about a product). */
  productCategories: readonly string[];
  /** Typical effort relative to the median case. */
  effort: number;
}

export const CASE_PROBLEMS: readonly CaseProblem[] = [
  { category: 'Delivery delay', weight: 22, effort: 0.7, productCategories: ['Laptops & PCs', 'Displays', 'Accessories', 'Consumables', 'Networking'], subjects: ['Order {order} has not arrived', 'Where is my delivery?', 'Delivery for {order} is late', 'Parcel tracking shows no movement'] },
  { category: 'Product defect', weight: 18, effort: 1.4, productCategories: ['Laptops & PCs', 'Displays', 'Accessories', 'Networking'], subjects: ['{product} stopped working', '{product} arrived damaged', '{product} keeps restarting', 'Dead pixels on {product}'] },
  { category: 'Login problems', weight: 15, effort: 0.6, productCategories: ['Software'], subjects: ['Cannot sign in to {product}', 'Password reset link not working', 'Account locked'] },
  { category: 'Billing question', weight: 12, effort: 0.8, productCategories: [], subjects: ['Invoice for {order} shows the wrong amount', 'Charged twice for {order}', 'Need a VAT invoice for {order}'] },
  { category: 'Setup help', weight: 10, effort: 1.2, productCategories: ['Networking', 'Software', 'Laptops & PCs'], subjects: ['How do I set up {product}?', 'Help connecting {product}', 'Installing {product} on several devices'] },
  { category: 'Licence activation', weight: 7, effort: 0.9, productCategories: ['Software'], subjects: ['Licence key for {product} not accepted', 'Need more seats for {product}'] },
  { category: 'Refund request', weight: 6, effort: 1.0, productCategories: ['Accessories', 'Displays', 'Consumables'], subjects: ['Refund for order {order}', 'Return {product}'] },
  { category: 'Integration error', weight: 4, effort: 2.0, productCategories: ['Software'], subjects: ['{product} does not sync with our accounting', 'Error when exporting from {product}'] },
  { category: 'Feature request', weight: 3, effort: 0.5, productCategories: ['Software'], subjects: ['Could {product} support single sign-on?', 'Feature idea for {product}'] },
  { category: 'Account change', weight: 3, effort: 0.4, productCategories: [], subjects: ['Change of billing address', 'Add a colleague to our account'] },
];

export const SURVEY_COMMENTS = {
  promoter: ['Excellent service, always quick to help.', 'Great products and a team that knows us.', 'Already recommended you to two colleagues.', 'Reliable delivery and fair prices.'],
  passive: ['Good overall, delivery could be faster.', 'Fine, nothing special.', 'Products are good, the website less so.', 'Okay, prices went up lately.'],
  detractor: ['Support takes far too long.', 'Too many problems with my last order.', 'Found better prices elsewhere.', 'Nobody answered my emails.', 'Quality has dropped.'],
  csatGood: ['Solved quickly, thank you!', 'Very friendly agent.', 'Problem fixed on the first call.'],
  csatBad: ['Took a week to get an answer.', 'Problem still not solved.', 'Had to explain everything three times.'],
} as const;

export const NOTES = {
  advocate: ['Happy to act as a reference customer.', 'Recommended us to a colleague at {company}.', 'Long-standing customer; invite to the customer advisory board.'],
  business: ['Decision maker for IT purchases; budget cycle starts in {month}.', 'Prefers email over phone calls.', 'Framework agreement up for renewal in {month}.', 'Rolling out new laptops to the whole team this year.'],
  deal: ['Sent proposal with volume discount.', 'Competitor also in the running.', 'Needs sign-off from the CFO.', 'Asked for a pilot with five seats first.'],
  churned: ['Moved to a competitor on price.', 'Has not ordered since the delivery problems.', 'Contact left the company; no new buyer yet.'],
  unhappy: ['Handle with care: several escalations this year.', 'Agreed a goodwill discount on the next order.', 'Asks for a callback from a manager on every case.'],
  case: ['Replaced the device under warranty.', 'Escalated to the supplier.', 'Workaround sent; waiting for a fix.'],
  lead: ['Met at the trade fair; interested in laptops for 20 staff.', 'Downloaded the price list twice.', 'Asked for a call next quarter.'],
} as const;

export const TASKS = {
  lead: ['Call back {first}', 'Send product brochure to {first}', 'Qualify {first}: budget and timing', 'Book a demo with {first}'],
  deal: ['Follow up on proposal for {deal}', 'Send revised quote for {deal}', 'Prepare contract for {deal}', 'Check decision date for {deal}'],
  case: ['Check in with {first} about their case', 'Confirm the fix with {first}', 'Arrange replacement for {first}'],
  churned: ['Win-back call: {first}', 'Send welcome-back offer to {first}'],
  account: ['Prepare quarterly review with {company}', 'Renewal reminder: {product}', 'Thank {first} for the referral'],
  unhappy: ['Review the account of {first} with the support lead', 'Call {first} about recent cases'],
} as const;

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
