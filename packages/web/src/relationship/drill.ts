// Where a click on a chart leads: a list page whose filter selects the records behind the
// point, written in the filter language and carried in the URL as list pages read it
// (`?filter=…&sort=…&columns=…`, see list/view-params.ts).
import { quote } from '../api/records';

/** A band of a stored score: `low <= field < high` (the last band includes its top). */
export interface Band {
  label: string;
  low: number;
  high: number;
  isLast?: boolean;
}

/** The filter selecting a band of a number field. */
export function bandFilter(field: string, band: Band): string {
  return `${field} >= ${band.low} and ${field} ${band.isLast ? '<=' : '<'} ${band.high}`;
}

/** Equal-width bands over [min, max], labelled with the given formatter. */
export function bands(min: number, max: number, count: number, label: (low: number, high: number) => string): Band[] {
  const width = (max - min) / count;
  return Array.from({ length: count }, (_, i) => {
    const low = round(min + i * width);
    const high = round(min + (i + 1) * width);
    return { label: label(low, high), low, high, isLast: i === count - 1 };
  });
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The segment's filter and another condition, both holding. */
export function within(segment: string | undefined, condition: string): string {
  const trimmed = segment?.trim();
  return trimmed ? `(${trimmed}) and ${condition}` : condition;
}

/** The ISO instants bounding a calendar month `YYYY-MM` (UTC), the end exclusive. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, index] = month.split('-').map(Number);
  return { from: new Date(Date.UTC(year, index - 1, 1)).toISOString(), to: new Date(Date.UTC(year, index, 1)).toISOString() };
}

/** The month `YYYY-MM` that is `offset` months after `month`. */
export function addMonths(month: string, offset: number): string {
  const [year, index] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, index - 1 + offset, 1));
  return date.toISOString().slice(0, 7);
}

/** A list page's URL with a filter, and optionally a sort and the columns to show. */
export function listUrl(object: string, filter: string, options: { sort?: string; columns?: string[] } = {}): string {
  const params = new URLSearchParams();
  if (options.columns?.length) params.set('columns', options.columns.join(','));
  if (options.sort) params.set('sort', options.sort);
  params.set('filter', filter);
  return `/objects/${object}?${params.toString()}`;
}

/** The survey answers of one kind given in a month. */
export function answersInMonth(kind: 'nps' | 'csat', month: string): string {
  const { from, to } = monthBounds(month);
  return `kind = ${quote(kind)} and respondedAt >= ${quote(from)} and respondedAt < ${quote(to)}`;
}

/** The orders that count as purchases (as the retention and loyalty figures count them) in a month. */
export function purchasesInMonth(month: string): string {
  const { from, to } = monthBounds(month);
  return `orderedAt >= ${quote(from)} and orderedAt < ${quote(to)} and not status in ("cancelled", "refunded")`;
}
