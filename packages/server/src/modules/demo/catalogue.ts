// The fixed vocabulary of the demo business — an office and IT supplier selling to companies
// and consumers: product lines with prices and margins, campaigns, tags, places, job titles.

/** A product line: what it is called, its price range (EUR) and gross margin range. */
export interface ProductLine {
  category: string;
  skuPrefix: string;
  bases: readonly string[];
  price: readonly [number, number];
  margin: readonly [number, number];
  /** How buyers order it: hardware by the unit, software by the seat, services by the day. */
  unit: 'unit' | 'seat' | 'day' | 'pack';
  /** Weight of the line in consumer and in business orders. */
  consumerWeight: number;
  businessWeight: number;
}

export const PRODUCT_LINES: readonly ProductLine[] = [
  {
    category: 'Laptops & PCs', skuPrefix: 'LAP', unit: 'unit', price: [420, 2600], margin: [0.2, 0.3], consumerWeight: 0.12, businessWeight: 0.15,
    bases: ['Laptop 14"', 'Laptop 16"', 'Ultrabook 13"', 'Desktop PC', 'Mini PC', 'Workstation', 'Tablet 11"', 'Convertible 13"'],
  },
  {
    category: 'Displays', skuPrefix: 'DSP', unit: 'unit', price: [140, 950], margin: [0.2, 0.35], consumerWeight: 0.1, businessWeight: 0.11,
    bases: ['Monitor 24"', 'Monitor 27" 4K', 'Curved Monitor 34"', 'Portable Monitor 15"', 'Projector', 'Conference Display 55"'],
  },
  {
    category: 'Accessories', skuPrefix: 'ACC', unit: 'unit', price: [18, 320], margin: [0.35, 0.55], consumerWeight: 0.3, businessWeight: 0.13,
    bases: ['Wireless Mouse', 'Mechanical Keyboard', 'USB-C Dock', 'HD Webcam', 'Noise-cancelling Headset', 'Laptop Bag', 'Monitor Arm', 'USB-C Hub', 'Desk Lamp', 'Ergonomic Footrest'],
  },
  {
    category: 'Consumables', skuPrefix: 'CON', unit: 'pack', price: [8, 95], margin: [0.3, 0.5], consumerWeight: 0.22, businessWeight: 0.1,
    bases: ['Toner Black', 'Ink Cartridge Colour', 'Copy Paper A4 (5 reams)', 'Label Rolls', 'Screen Cleaning Kit', 'Batteries AA (24)', 'Cable Ties (100)'],
  },
  {
    category: 'Software', skuPrefix: 'SW', unit: 'seat', price: [35, 480], margin: [0.6, 0.7], consumerWeight: 0.12, businessWeight: 0.19,
    bases: ['Office Suite (1 year)', 'Antivirus (1 year)', 'Cloud Backup 1 TB (1 year)', 'Password Manager (1 year)', 'Project Planner seat (1 year)', 'Design Suite (1 year)', 'Video Meetings seat (1 year)'],
  },
  {
    category: 'Support plans', skuPrefix: 'SUP', unit: 'unit', price: [60, 900], margin: [0.45, 0.65], consumerWeight: 0.06, businessWeight: 0.09,
    bases: ['Next-business-day Support (1 year)', 'Extended Warranty 3 years', 'Premium Support (1 year)', 'Accidental Damage Cover'],
  },
  {
    category: 'Networking', skuPrefix: 'NET', unit: 'unit', price: [70, 1600], margin: [0.2, 0.35], consumerWeight: 0.08, businessWeight: 0.08,
    bases: ['Wi-Fi Access Point', 'Router', 'Network Switch 24-port', 'Firewall Appliance', 'NAS 4-bay', 'Mesh Wi-Fi Kit'],
  },
  {
    category: 'Services', skuPrefix: 'SVC', unit: 'day', price: [450, 1400], margin: [0.3, 0.5], consumerWeight: 0, businessWeight: 0.09,
    bases: ['On-site Installation', 'Data Migration', 'Network Setup', 'IT Health Check', 'Device Rollout'],
  },
  {
    category: 'Training', skuPrefix: 'TRN', unit: 'seat', price: [190, 1500], margin: [0.4, 0.6], consumerWeight: 0, businessWeight: 0.06,
    bases: ['Security Awareness Workshop', 'Onboarding Training (half day)', 'Administrator Course', 'Office Suite Masterclass'],
  },
];

export const PRODUCT_SERIES = ['Nordlys', 'Vantage', 'Corvid', 'Lumen', 'Altair', 'Kestrel', 'Orbis', 'Tessel', 'Brightline', 'Halden', 'Solenne', 'Marrow'];
export const PRODUCT_VARIANTS = ['', ' Pro', ' Plus', ' Lite', ' Max', ' S', ' X', ' Air', ' Go', ' Ultra'];

/** Campaign patterns; `discount` is the share taken off orders they bring in. */
export interface CampaignTemplate {
  name: string;
  channel: 'email' | 'social' | 'ads' | 'event' | 'webinar' | 'directMail' | 'content' | 'other';
  days: readonly [number, number];
  discount: number;
  /** Who is targeted and which share of them. */
  audience: 'customers' | 'leads' | 'everyone' | 'churned';
  reach: number;
  /** Cost per targeted member in EUR, and a fixed cost. */
  costPerMember: number;
  fixedCost: number;
  description: string;
}

export const CAMPAIGN_TEMPLATES: readonly CampaignTemplate[] = [
  { name: 'Spring Sale', channel: 'email', days: [10, 18], discount: 0.2, audience: 'everyone', reach: 0.55, costPerMember: 0.08, fixedCost: 1500, description: '20 % off accessories, displays and consumables.' },
  { name: 'Product webinar: secure hybrid work', channel: 'webinar', days: [20, 30], discount: 0, audience: 'leads', reach: 0.35, costPerMember: 1.5, fixedCost: 2500, description: 'Live demo of the new device and security bundle.' },
  { name: 'Trade fair stand', channel: 'event', days: [3, 4], discount: 0, audience: 'leads', reach: 0.2, costPerMember: 12, fixedCost: 18000, description: 'Stand at the regional IT trade fair, with lead capture.' },
  { name: 'Summer Clearance', channel: 'email', days: [12, 20], discount: 0.25, audience: 'customers', reach: 0.6, costPerMember: 0.08, fixedCost: 1200, description: 'Last season’s hardware at clearance prices.' },
  { name: 'Search ads: business laptops', channel: 'ads', days: [30, 60], discount: 0, audience: 'leads', reach: 0.3, costPerMember: 4, fixedCost: 3000, description: 'Paid search for business laptop keywords.' },
  { name: 'Customer newsletter', channel: 'email', days: [5, 8], discount: 0, audience: 'customers', reach: 0.7, costPerMember: 0.05, fixedCost: 400, description: 'Quarterly news, tips and new products.' },
  { name: 'Black Friday', channel: 'email', days: [7, 11], discount: 0.3, audience: 'everyone', reach: 0.65, costPerMember: 0.1, fixedCost: 2500, description: 'Our biggest discounts of the year.' },
  { name: 'We miss you', channel: 'directMail', days: [20, 30], discount: 0.15, audience: 'churned', reach: 0.8, costPerMember: 1.8, fixedCost: 800, description: 'Win-back offer for customers who stopped buying.' },
  { name: 'LinkedIn: IT managers', channel: 'social', days: [25, 45], discount: 0, audience: 'leads', reach: 0.25, costPerMember: 2.5, fixedCost: 2000, description: 'Sponsored posts aimed at IT decision makers.' },
  { name: 'Referral programme', channel: 'content', days: [40, 60], discount: 0.1, audience: 'customers', reach: 0.4, costPerMember: 0.3, fixedCost: 1500, description: 'Refer a colleague and both get 10 % off.' },
];

export const TAGS: readonly { name: string; color: string }[] = [
  { name: 'VIP', color: '#7c3aed' },
  { name: 'Key account', color: '#2563eb' },
  { name: 'At risk', color: '#dc2626' },
  { name: 'Referral partner', color: '#059669' },
  { name: 'Newsletter', color: '#0ea5e9' },
  { name: 'Trade fair', color: '#d97706' },
  { name: 'Enterprise', color: '#1e3a8a' },
  { name: 'SMB', color: '#65a30d' },
  { name: 'Escalated', color: '#b91c1c' },
  { name: 'Needs follow-up', color: '#f59e0b' },
  { name: 'Beta tester', color: '#db2777' },
];

export const LOST_REASONS = ['Price too high', 'Went with a competitor', 'No budget this year', 'Project postponed', 'No decision made', 'Missing feature', 'Lost contact'];
export const WON_REASONS = ['Best value for money', 'Strong relationship with the buyer', 'Fast delivery promised', 'Bundle with support plan', 'Expansion of an existing account', 'Better service than the incumbent'];

export const JOB_TITLES = [
  'Head of IT', 'IT Manager', 'Office Manager', 'Purchasing Manager', 'Chief Financial Officer', 'Operations Director', 'Managing Director',
  'Facilities Manager', 'Procurement Specialist', 'System Administrator', 'Chief Technology Officer', 'Team Assistant', 'Project Manager',
  'HR Manager', 'Finance Controller', 'Head of Operations', 'Workplace Coordinator', 'IT Consultant', 'Founder', 'Practice Manager',
];

/** The countries customers live in, with their share, faker locale, currency-neutral places and phone plans. */
export interface CountryProfile {
  code: string;
  share: number;
  locale: 'de' | 'en_GB' | 'fr' | 'en_US' | 'nl' | 'es' | 'it';
  cities: readonly string[];
  /** E.164 country calling code. */
  callingCode: string;
  /** Mobile numbers: national prefixes and how many digits follow. */
  mobile: readonly (readonly [prefix: string, digits: number])[];
  /** Landlines: area codes and how many digits follow. */
  landline: readonly (readonly [prefix: string, digits: number])[];
}

export const COUNTRIES: readonly CountryProfile[] = [
  {
    code: 'DE', share: 0.26, locale: 'de', callingCode: '49',
    cities: ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Stuttgart', 'Düsseldorf', 'Leipzig', 'Dortmund', 'Bremen', 'Dresden', 'Hannover', 'Nürnberg'],
    mobile: [['151', 8], ['152', 8], ['157', 8], ['160', 7], ['170', 7], ['171', 7], ['172', 7], ['176', 8]],
    landline: [['30', 8], ['40', 8], ['89', 8], ['221', 7], ['69', 8], ['711', 7], ['211', 7]],
  },
  {
    // Ofcom reserves 07700 900000–900999 and 020 7946 0000–0999 for fiction: no real line rings.
    code: 'GB', share: 0.2, locale: 'en_GB', callingCode: '44',
    cities: ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Bristol', 'Edinburgh', 'Liverpool', 'Sheffield', 'Cardiff'],
    mobile: [['7700900', 3]],
    landline: [['2079460', 3]],
  },
  {
    code: 'FR', share: 0.15, locale: 'fr', callingCode: '33',
    cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Lille', 'Nantes', 'Bordeaux', 'Strasbourg', 'Nice', 'Rennes'],
    mobile: [['61', 7], ['62', 7], ['64', 7], ['65', 7], ['66', 7], ['67', 7], ['68', 7]],
    landline: [['1', 8], ['491', 6], ['472', 6], ['556', 6]],
  },
  {
    // NANP keeps 555-0100 to 555-0199 for fiction in every area code.
    code: 'US', share: 0.13, locale: 'en_US', callingCode: '1',
    cities: ['New York', 'Chicago', 'Boston', 'Seattle', 'Austin', 'San Francisco', 'Denver', 'Atlanta'],
    mobile: [['2125550', 3], ['3125550', 3], ['6175550', 3], ['2065550', 3], ['5125550', 3]],
    landline: [['4155550', 3], ['3035550', 3], ['4045550', 3]],
  },
  {
    code: 'NL', share: 0.09, locale: 'nl', callingCode: '31',
    cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag', 'Eindhoven', 'Groningen'],
    mobile: [['61', 7], ['62', 7], ['63', 7], ['64', 7], ['65', 7]],
    landline: [['20', 7], ['10', 7], ['30', 7]],
  },
  {
    code: 'ES', share: 0.09, locale: 'es', callingCode: '34',
    cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao', 'Málaga', 'Zaragoza'],
    mobile: [['6', 8]],
    landline: [['91', 7], ['93', 7], ['96', 7]],
  },
  {
    code: 'IT', share: 0.08, locale: 'it', callingCode: '39',
    cities: ['Milano', 'Roma', 'Torino', 'Bologna', 'Firenze', 'Napoli', 'Verona'],
    mobile: [['320', 7], ['333', 7], ['340', 7], ['347', 7], ['389', 7]],
    landline: [['02', 8], ['06', 8], ['011', 7]],
  },
];

/** Mailbox providers for consumers: reserved `.example` names (RFC 2606), so no demo mail reaches anyone. */
export const MAILBOX_DOMAINS = ['mail.example', 'post.example', 'inbox.example', 'webmail.example', 'fastmail.example', 'mailbox.example'];
