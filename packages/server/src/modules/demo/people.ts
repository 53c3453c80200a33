// Companies and people of one chunk: who they are, which archetype they follow, when we met
// them, when they first bought and (for churned customers) when they stopped; referrals between
// them; and, once their activity is known, their final lifecycle stage, type and tags.
import { companies as companyObject, INDUSTRIES, people as peopleObject } from '@rapport/core';
import type { RecordValues } from '../../engine/codec.js';
import { ARCHETYPES, type Archetype } from './archetypes.js';
import { JOB_TITLES } from './catalogue.js';
import { DAY, isoDate, weighted, YEAR, type WeightedTable } from './random.js';
import { complete, type CompanyPlan, type DemoWorld, type PersonPlan, type Product } from './records.js';

const ARCHETYPE_TABLE: WeightedTable<Archetype> = weighted(Object.entries(ARCHETYPES).map(([name, profile]) => [name as Archetype, profile.share] as const));
const BUSINESS_SHARE: Record<Archetype, number> = { advocate: 0.7, regular: 0.65, oneOff: 0.45, churned: 0.6, unhappy: 0.6, priceBuyer: 0.4, lead: 0.6 };
const LEAD_STAGES = weighted([['subscriber', 0.15], ['lead', 0.38], ['marketingQualified', 0.2], ['salesQualified', 0.14], ['opportunity', 0.13]] as const);
const LEAD_SOURCES = weighted([['web', 0.3], ['ads', 0.15], ['event', 0.12], ['outbound', 0.12], ['partner', 0.06], ['import', 0.05], ['manual', 0.05], ['other', 0.03]] as const);
const CUSTOMER_SOURCES = weighted([['web', 0.35], ['ads', 0.12], ['event', 0.06], ['outbound', 0.08], ['partner', 0.08], ['import', 0.05], ['manual', 0.06], ['other', 0.04]] as const);
const REFERRED: Record<Archetype, number> = { advocate: 0.18, regular: 0.15, oneOff: 0.07, churned: 0.05, unhappy: 0.03, priceBuyer: 0.03, lead: 0.08 };

/** ~100 companies per 1,000 people, sized like a real customer base (many small, few large). */
export function planCompanies(world: DemoWorld, count: number): CompanyPlan[] {
  const { rng, identity, start, now } = world;
  const plans: CompanyPlan[] = [];
  for (let i = 0; i < count; i++) {
    const country = identity.country();
    const name = identity.companyName(country);
    const domain = identity.domain(name, country);
    const employees = Math.max(2, Math.min(60_000, Math.round(rng.logNormal(35, 1.5))));
    const city = identity.city(country);
    const industry = rng.pick(INDUSTRIES);
    const ownerId = rng.pick(world.users.reps);
    plans.push({
      id: '', createdAt: start + rng.next() * (now - start - DAY), country, domain, employees, ownerId, members: [], revenue: 0,
      values: {
        name, domain, industry, employees, annualRevenue: Math.round(employees * rng.between(70_000, 260_000)) * 100, currency: world.currency,
        website: `https://www.${domain}/`, phone: identity.phone(country, 'landline'), country: country.code, city, ownerId,
        description: rng.chance(0.3) ? `${industry.replace(/([A-Z])/g, ' $1').toLowerCase()} business in ${city} with about ${employees} staff.`.replace(/^./, (c) => c.toUpperCase()) : null,
      },
    });
  }
  return plans;
}

/** When someone we know first bought: soon for consumers, after a sales cycle for deal-led accounts. */
function leadTime(world: DemoWorld, isBusiness: boolean, isDealLed: boolean): number {
  const { rng } = world;
  if (isDealLed) return rng.gammaWithMean(50 * DAY, 3);
  return rng.exponential((isBusiness ? 20 : 8) * DAY) + rng.between(0.2, 6) * 3_600_000;
}

/** The dates that make an archetype: acquisition, first order, and leaving for churned customers. */
function lifeDates(world: DemoWorld, archetype: Archetype, isBusiness: boolean, isDealLed: boolean) {
  const { rng, start, now } = world;
  const window = now - start;
  const profile = ARCHETYPES[archetype];
  if (archetype === 'lead') return { acquiredAt: start + window * Math.pow(rng.next(), 0.6) * 0.995, firstOrderAt: null, leftAt: null };
  if (archetype === 'churned') {
    // Left 6–30 months ago, after buying for 5–20 months.
    const leftAt = now - 185 * DAY - rng.next() * (window - 400 * DAY);
    const firstOrderAt = Math.max(start + 2 * DAY, leftAt - rng.between(150, 600) * DAY);
    return { acquiredAt: Math.max(start, firstOrderAt - leadTime(world, isBusiness, isDealLed)), firstOrderAt, leftAt };
  }
  const acquiredAt = start + window * rng.between(profile.acquired[0], profile.acquired[1]);
  let firstOrderAt = acquiredAt + leadTime(world, isBusiness, isDealLed);
  if (firstOrderAt > now - DAY) firstOrderAt = acquiredAt + rng.next() * Math.max(0, now - DAY - acquiredAt);
  return { acquiredAt, firstOrderAt, leftAt: null };
}

function pickFavourites(world: DemoWorld, isBusiness: boolean): Product[] {
  const { rng, catalogue } = world;
  const favourites: Product[] = [];
  for (let n = rng.int(2, 4); favourites.length < n;) {
    const line = rng.draw(isBusiness ? catalogue.businessLines : catalogue.consumerLines);
    const product = rng.draw(catalogue.byLine.get(line.category)!);
    if (!favourites.includes(product)) favourites.push(product);
    else n--;
  }
  return favourites;
}

/** People of the chunk; about 60 % work for one of its companies, some for two. */
export function planPeople(world: DemoWorld, count: number, companies: CompanyPlan[]): PersonPlan[] {
  const { rng, identity, now } = world;
  const plans: PersonPlan[] = [];
  const companyTable = weighted(companies.map((company) => [company, Math.log(2 + company.employees)] as const));
  let nextUnstaffed = 0;
  for (let i = 0; i < count; i++) {
    const archetype = rng.draw(ARCHETYPE_TABLE);
    const isBusiness = companies.length > 0 && rng.chance(BUSINESS_SHARE[archetype]);
    const company = isBusiness ? (nextUnstaffed < companies.length ? companies[nextUnstaffed++] : rng.draw(companyTable)) : null;
    const country = company && rng.chance(0.85) ? company.country : identity.country();
    let lifecycleStage = archetype === 'advocate' ? 'advocate' : archetype === 'churned' ? (rng.chance(0.85) ? 'churned' : 'customer') : archetype === 'lead' ? rng.draw(LEAD_STAGES) : 'customer';
    if (lifecycleStage === 'opportunity' && !company) lifecycleStage = 'salesQualified';
    const isDealLed = company !== null && archetype !== 'lead' && archetype !== 'churned' && rng.chance(archetype === 'advocate' || archetype === 'regular' ? 0.3 : 0.2);
    const dates = lifeDates(world, archetype, company !== null, isDealLed);
    if (lifecycleStage === 'salesQualified' || lifecycleStage === 'opportunity') dates.acquiredAt = now - rng.between(25, 200) * DAY;
    const source = archetype === 'lead' ? rng.draw(LEAD_SOURCES) : rng.draw(CUSTOMER_SOURCES);
    const id = rng.id();
    const { firstName, lastName } = identity.name(country);
    const email = identity.email(firstName, lastName, company && rng.chance(0.9) ? company.domain : undefined);
    const ownerId = company ? company.ownerId : isOwned(world, archetype, lifecycleStage) ? rng.pick(world.users.reps) : null;
    const otherCompany = company && companies.length > 1 && rng.chance(0.1) ? rng.pick(companies) : null;
    const isSubscriber = lifecycleStage === 'subscriber';
    const plan: PersonPlan = {
      id, firstName, archetype, country, company, otherCompany: otherCompany === company ? null : otherCompany, ownerId, lifecycleStage, source, isDealLed, ...dates,
      favourites: archetype === 'lead' ? [] : pickFavourites(world, company !== null), orders: [], deals: [], cases: [], referrals: 0,
      values: {
        firstName, lastName, fullName: `${firstName} ${lastName}`, email,
        otherEmails: rng.chance(0.08) ? [identity.email(firstName, lastName)] : [],
        phone: rng.chance(0.8) ? identity.phone(country, 'mobile') : null,
        otherPhones: company && rng.chance(0.25) ? [company.values.phone as string] : [],
        jobTitle: company ? rng.pick(JOB_TITLES) : null,
        leadStatus: leadStatusOf(world, lifecycleStage), source,
        hasEmailConsent: isSubscriber || rng.chance(archetype === 'advocate' || archetype === 'priceBuyer' ? 0.93 : 0.7),
        hasSmsConsent: rng.chance(archetype === 'priceBuyer' ? 0.5 : 0.18),
        hasPhoneConsent: rng.chance(company ? 0.6 : 0.3),
        city: company && rng.chance(0.7) ? company.values.city : identity.city(country), country: country.code,
        birthday: rng.chance(0.35) ? isoDate(now - rng.between(20, 70) * YEAR) : null,
        linkedinUrl: company && rng.chance(0.3) ? identity.profileUrl(firstName, lastName) : null,
      },
    };
    company?.members.push(plan);
    plans.push(plan);
  }
  return plans;
}

/** Customers mostly have an account owner; leads get one once sales works them. */
function isOwned(world: DemoWorld, archetype: Archetype, stage: string): boolean {
  if (archetype !== 'lead') return world.rng.chance(0.7);
  return stage === 'marketingQualified' || stage === 'salesQualified' || stage === 'opportunity';
}

function leadStatusOf(world: DemoWorld, stage: string): string | null {
  const { rng } = world;
  switch (stage) {
    case 'lead': return rng.pick(['new', 'new', 'contacted', 'contacted', 'nurturing', 'unqualified']);
    case 'marketingQualified': return rng.pick(['contacted', 'nurturing']);
    case 'salesQualified':
    case 'opportunity': return 'qualified';
    default: return null;
  }
}

/**
 * Companies get their id once their first person is known (a company is created with its first
 * contact), so that ids keep time order. Then people's company lists become ids.
 */
export function settleCompanyIds(world: DemoWorld, companies: CompanyPlan[], people: PersonPlan[]): void {
  const { rng, start } = world;
  for (const company of companies) {
    const first = company.members.reduce((min, member) => Math.min(min, member.acquiredAt), Infinity);
    if (Number.isFinite(first)) company.createdAt = Math.max(start - 30 * DAY, first - rng.between(0, 4) * DAY);
    company.id = rng.id();
  }
  for (const person of people) {
    person.values.companyId = person.company?.id ?? null;
    person.values.companyIds = [person.company, person.otherCompany].filter((c) => c !== null).map((c) => c.id);
  }
}

/** Advocates bring in others: a referred person points at an advocate who was buying before them. */
export function assignReferrals(world: DemoWorld, people: PersonPlan[]): void {
  const { rng } = world;
  const advocates = people.filter((p) => p.archetype === 'advocate').sort((a, b) => a.firstOrderAt! - b.firstOrderAt!);
  for (const person of people) {
    if (!rng.chance(REFERRED[person.archetype])) continue;
    let eligible = 0;
    while (eligible < advocates.length && advocates[eligible].firstOrderAt! < person.acquiredAt - 7 * DAY) eligible++;
    if (eligible === 0) continue;
    const referrer = advocates[rng.int(0, eligible - 1)];
    if (referrer === person) continue;
    referrer.referrals++;
    person.source = 'referral';
    person.values.source = 'referral';
    person.values.referredById = referrer.id;
  }
}

const tagIf = (world: DemoWorld, name: string, condition: boolean): string[] => (condition ? [world.tags.get(name)!] : []);

/** The people's final records: lifecycle dates settled, tags from what they did. */
export function finishPeople(world: DemoWorld, people: PersonPlan[]): RecordValues[] {
  const { rng, now } = world;
  return people.map((p) => {
    const lastOrder = p.orders.length ? p.orders[p.orders.length - 1].at : p.acquiredAt;
    const updatedAt = p.lifecycleStage === 'churned' ? Math.min(now, p.leftAt! + rng.between(180, 240) * DAY) : Math.max(lastOrder, p.acquiredAt);
    const tagIds = [
      ...tagIf(world, 'VIP', p.archetype === 'advocate' && rng.chance(0.5)),
      ...tagIf(world, 'Referral partner', p.referrals >= 2),
      ...tagIf(world, 'At risk', (p.archetype === 'unhappy' && rng.chance(0.45)) || (p.archetype === 'churned' && p.lifecycleStage !== 'churned')),
      ...tagIf(world, 'Newsletter', p.lifecycleStage === 'subscriber' || (p.values.hasEmailConsent === true && rng.chance(0.12))),
      ...tagIf(world, 'Trade fair', p.source === 'event' && rng.chance(0.6)),
      ...tagIf(world, 'Beta tester', p.archetype === 'advocate' && rng.chance(0.1)),
    ];
    return complete(peopleObject, p.id, p.acquiredAt, updatedAt, { ...p.values, lifecycleStage: p.lifecycleStage, ownerId: p.ownerId, tagIds });
  });
}

/** Companies' final records: customers once someone bought, key accounts by revenue. */
export function finishCompanies(world: DemoWorld, companies: CompanyPlan[]): RecordValues[] {
  const { rng } = world;
  return companies.map((company) => {
    const firstPurchase = company.members.reduce((min, m) => (m.firstOrderAt !== null && m.orders.length ? Math.min(min, m.orders[0].at) : min), Infinity);
    const type = Number.isFinite(firstPurchase) ? 'customer' : rng.draw(weighted([['prospect', 0.9], ['partner', 0.05], ['vendor', 0.03], ['competitor', 0.02]] as const));
    const tagIds = [
      ...tagIf(world, 'Enterprise', company.employees >= 1000),
      ...tagIf(world, 'SMB', company.employees < 50 && rng.chance(0.5)),
      ...tagIf(world, 'Key account', company.revenue >= 5_000_000),
    ];
    const updatedAt = Number.isFinite(firstPurchase) ? firstPurchase : company.createdAt;
    return complete(companyObject, company.id, company.createdAt, updatedAt, { ...company.values, type, tagIds });
  });
}
