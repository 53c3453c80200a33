// The filter language's text side alone (parser and printer, no field types): the door the web
// app's filter builder imports, so that its chunk carries the grammar and nothing of the
// binder's field specs (phone numbers, currencies).
export type { ComparisonExpression, ComparisonOperator, FilterExpression, FilterLeaf, InExpression, IsEmptyExpression, Literal } from './ast.js';
export { FilterError, FilterSyntaxError } from './errors.js';
export { parseFilter } from './parse.js';
export { printFilter } from './print.js';
