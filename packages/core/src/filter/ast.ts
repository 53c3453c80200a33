// The filter language's JSON form: the AST the parser builds, the printer prints and the binder
// type-checks. It is also what clients may send instead of text (validated by FILTER_JSON_SCHEMA).

/** A literal value in a comparison. There is no null: `isEmpty` asks for an empty value. */
export type Literal = string | number | boolean;

/** Operators that take one literal. */
export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'startsWith';

export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ['=', '!=', '<', '<=', '>', '>=', 'contains', 'startsWith'];

/** `field op value`: `field` is a path, `email` or `company.industry`. */
export interface ComparisonExpression {
  field: string;
  op: ComparisonOperator;
  value: Literal;
}

/** `field in (v1, v2, …)`, at least one value. */
export interface InExpression {
  field: string;
  op: 'in';
  value: Literal[];
}

/** `field isEmpty`. */
export interface IsEmptyExpression {
  field: string;
  op: 'isEmpty';
}

export type FilterExpression =
  | { and: FilterExpression[] }
  | { or: FilterExpression[] }
  | { not: FilterExpression }
  | ComparisonExpression
  | InExpression
  | IsEmptyExpression;

/** The three shapes of a leaf. */
export type FilterLeaf = ComparisonExpression | InExpression | IsEmptyExpression;
