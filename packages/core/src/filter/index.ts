// The filter language: text ⇄ JSON form, type-checking against an object, in-memory evaluation.
export type { ComparisonExpression, ComparisonOperator, FilterExpression, FilterLeaf, InExpression, IsEmptyExpression, Literal } from './ast.js';
export { COMPARISON_OPERATORS } from './ast.js';
export { bindFilter, type BoundComparison, type BoundFilter, type ObjectLookup } from './bind.js';
export { FilterError, FilterSyntaxError } from './errors.js';
export { evaluateFilter, type RelatedRecords } from './evaluate.js';
export { FILTER_JSON_SCHEMA } from './json-schema.js';
export { isWritablePath, parseFilter } from './parse.js';
export { printFilter } from './print.js';
export { compareText, foldAscii } from './text-order.js';
