// Text → JSON form, through the parser generated from grammar.peggy, with syntax errors that
// name the position.
import type { FilterExpression } from './ast.js';
import { FilterSyntaxError } from './errors.js';
import { parse, SyntaxError as GeneratedSyntaxError } from './grammar.generated.js';

interface Expectation {
  type: 'literal' | 'class' | 'any' | 'end' | 'other';
  text?: string;
  description?: string;
  /** For a class: single characters or [from, to] ranges. */
  parts?: (string | [string, string])[];
  inverted?: boolean;
}

interface GeneratedError {
  message: string;
  expected: Expectation[] | null;
  found: string | null;
  location: { start: { offset: number; line: number; column: number } };
}

/**
 * Parses the filter language into its JSON form; throws `FilterSyntaxError` naming line and column.
 * @example parseFilter('lifecycleStage = "customer" and company.industry in ("retail", "media")')
 */
export function parseFilter(text: string): FilterExpression {
  return parseWith(text, 'Filter') as FilterExpression;
}

/**
 * True when `path` can be written in a filter's text (one or two identifiers, no keyword).
 * @example isWritablePath('company.industry') // true; isWritablePath('a.b.c') // false
 */
export function isWritablePath(path: string): boolean {
  try {
    parseWith(path, 'Path');
    return true;
  } catch (error) {
    if (error instanceof FilterSyntaxError) return false;
    throw error;
  }
}

function parseWith(text: string, startRule: 'Filter' | 'Path'): unknown {
  try {
    return parse(text, { startRule });
  } catch (error) {
    if (!(error instanceof GeneratedSyntaxError)) throw error;
    const { expected, found, location } = error as unknown as GeneratedError;
    const { offset, line, column } = location.start;
    const where = `at line ${line}, column ${column}`;
    // `expected` is null when an action refused with its own message (bad escape, long path…).
    const message = expected === null
      ? `${error.message} ${where}.`
      : `Expected ${describeExpected(expected)} ${where} but found ${found === null ? 'end of input' : JSON.stringify(found)}.`;
    throw new FilterSyntaxError(message, offset, line, column);
  }
}

function describeExpected(expected: Expectation[]): string {
  const descriptions = [...new Set(expected.flatMap(describeExpectation))].sort();
  if (descriptions.length <= 1) return descriptions[0] ?? 'nothing';
  return `${descriptions.slice(0, -1).join(', ')} or ${descriptions[descriptions.length - 1]}`;
}

function describeExpectation(expectation: Expectation): string | string[] {
  switch (expectation.type) {
    // peggy merges one-character alternatives ("=" / "<") into a class: list them again.
    case 'class': return expectation.inverted || !expectation.parts ? 'another character'
      : expectation.parts.flatMap(describeClassPart);
    case 'literal': return JSON.stringify(expectation.text);
    case 'end': return 'end of input';
    case 'any': return 'any character';
    default: return expectation.description ?? 'something else';
  }
}

/** A short range (`"<" to ">"`, as peggy merges `"<" / "=" / ">"`) reads better spelled out. */
function describeClassPart(part: string | [string, string]): string[] {
  if (typeof part === 'string') return [JSON.stringify(part)];
  const [from, to] = part.map((end) => end.codePointAt(0)!);
  if (to - from > 9) return [`${JSON.stringify(part[0])} to ${JSON.stringify(part[1])}`];
  return Array.from({ length: to - from + 1 }, (_, i) => JSON.stringify(String.fromCodePoint(from + i)));
}
