// Who the demo people and companies are: names from faker in the customer's own locale, cities,
// E.164 phones, and emails and domains that are valid, unique in the workspace and reserved
// (`.example`, RFC 2606), so that demo data can never mail or call a real person.
import { base, de, en, en_GB, en_US, es, Faker, fr, it, nl } from '@faker-js/faker';
import { COUNTRIES, MAILBOX_DOMAINS, type CountryProfile } from './catalogue.js';
import { weighted, type Random, type WeightedTable } from './random.js';

const LOCALES = { de, en_GB, fr, en_US, nl, es, it } as const;

/** Legal forms and joining words dropped when a company name becomes a domain. */
const NOT_IN_DOMAIN = new Set(['gmbh', 'ag', 'kg', 'co', 'ohg', 'ug', 'sas', 'sarl', 'sa', 'spa', 'srl', 'ltd', 'llc', 'inc', 'plc', 'group', 'and', 'und', 'et', 'y', 'e', 'en', 'asociados', 'bv', 'nv', 'cie', 'ev', 'partners']);

/** Lower-case ASCII letters and digits only: `Müller-Lüdenscheidt` → `muellerluedenscheidt`. */
export function asciiWord(text: string): string {
  return text.toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/œ/g, 'oe').replace(/ł/g, 'l')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A set of strings kept as 30-bit hashes (FNV-1a): small enough for a million emails. A hash
 * collision only makes us pick another variant of a free name, never admits a duplicate.
 */
class TakenNames {
  readonly #hashes = new Set<number>();

  static hash(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h >>> 2;
  }

  /** Takes the name if free; false when it (or its hash) is already taken. */
  take(name: string): boolean {
    const h = TakenNames.hash(name);
    if (this.#hashes.has(h)) return false;
    this.#hashes.add(h);
    return true;
  }
}

export class Identity {
  readonly #rng: Random;
  readonly #fakers = new Map<string, Faker>();
  readonly #countries: WeightedTable<CountryProfile>;
  readonly #emails = new TakenNames();
  readonly #domains = new TakenNames();

  constructor(rng: Random) {
    this.#rng = rng;
    const randomizer = rng.fakerRandomizer();
    for (const [name, locale] of Object.entries(LOCALES)) this.#fakers.set(name, new Faker({ locale: [locale, en, base], randomizer }));
    this.#countries = weighted(COUNTRIES.map((country) => [country, country.share] as const));
  }

  faker(country: CountryProfile): Faker {
    return this.#fakers.get(country.locale)!;
  }

  country(): CountryProfile {
    return this.#rng.draw(this.#countries);
  }

  name(country: CountryProfile): { firstName: string; lastName: string } {
    const faker = this.faker(country);
    const sex = this.#rng.chance(0.5) ? 'female' : 'male';
    return { firstName: faker.person.firstName(sex), lastName: faker.person.lastName() };
  }

  city(country: CountryProfile): string {
    return this.#rng.pick(country.cities);
  }

  /** A number in E.164: `+` country code, national prefix, subscriber digits. */
  phone(country: CountryProfile, kind: 'mobile' | 'landline'): string {
    const [prefix, digits] = this.#rng.pick(country[kind]);
    let subscriber = '';
    for (let i = 0; i < digits; i++) subscriber += String(this.#rng.int(i === 0 && digits > 3 ? 2 : 0, 9));
    return `+${country.callingCode}${prefix}${subscriber}`;
  }

  companyName(country: CountryProfile): string {
    return this.faker(country).company.name();
  }

  /** A unique domain from a company name: `Bechtelar, Koch and Padberg` → `bechtelar-koch.example`. */
  domain(companyName: string, country: CountryProfile): string {
    const words = companyName.split(/[\s,&.-]+/).map(asciiWord).filter((word) => word && !NOT_IN_DOMAIN.has(word));
    const stem = (words.slice(0, 2).join('-') || 'company').slice(0, 40);
    const candidates = [stem, `${stem}-${country.code.toLowerCase()}`, words.slice(0, 1).join('') || stem];
    for (const candidate of candidates) if (this.#domains.take(`${candidate}.example`)) return `${candidate}.example`;
    for (let n = 2; ; n++) if (this.#domains.take(`${stem}${n}.example`)) return `${stem}${n}.example`;
  }

  /** A unique email in one of the usual shapes (`ada.lovelace@`, `alovelace@`, `ada.lovelace84@`). */
  email(firstName: string, lastName: string, domain?: string): string {
    const rng = this.#rng;
    const first = asciiWord(firstName) || 'contact';
    const last = asciiWord(lastName) || 'person';
    const at = domain ?? rng.pick(MAILBOX_DOMAINS);
    const u = rng.next();
    const local = domain
      ? (u < 0.6 ? `${first}.${last}` : u < 0.85 ? `${first[0]}${last}` : u < 0.95 ? `${first}` : `${first}${last[0]}`)
      : (u < 0.4 ? `${first}.${last}` : u < 0.55 ? `${first}${last}` : u < 0.7 ? `${first[0]}.${last}` : u < 0.8 ? `${first}_${last}` : `${first}.${last}${rng.int(60, 99)}`);
    if (this.#emails.take(`${local}@${at}`)) return `${local}@${at}`;
    for (;;) {
      const numbered = `${local}${rng.int(2, 9999)}@${at}`;
      if (this.#emails.take(numbered)) return numbered;
    }
  }

  /** A LinkedIn-style profile address. */
  profileUrl(firstName: string, lastName: string): string {
    return `https://www.linkedin.com/in/${asciiWord(firstName)}-${asciiWord(lastName)}-${this.#rng.uint32().toString(36).slice(0, 6)}`;
  }
}
