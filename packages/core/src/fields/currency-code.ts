import { EQUALITY, ok, refuse, type FieldTypeSpec, type Normalized } from './spec.js';

/** ISO 4217 codes as the runtime's ICU data knows them. */
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.has(code);
}

function currencyCodeOf(value: unknown): Normalized {
  return typeof value === 'string' && CURRENCY_CODES.has(value)
    ? ok(value)
    : refuse(`must be an ISO 4217 currency code such as EUR, got ${JSON.stringify(value)}`);
}

export const currencyCode: FieldTypeSpec = {
  type: 'currencyCode',
  schema: () => ({ type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code.' }),
  normalize: currencyCodeOf,
  normalizeLiteral: currencyCodeOf,
  operators: EQUALITY,
  valueKind: 'string',
  isList: false,
  isSortable: true,
};
