// Type-checking a filter against an object definition: resolves each path to its field (through
// a relation or a collection for two-part paths), checks the operator against the field type and
// normalises the literals. The bound tree is what the SQL compiler and the evaluator read.
import { fieldTypeSpec, type FieldDefinition, type FilterOperator } from '../fields/index.js';
import type { ObjectDefinition } from '../objects/types.js';
import type { FilterExpression, FilterLeaf, Literal } from './ast.js';
import { FilterError } from './errors.js';

/** A type-checked comparison. */
export interface BoundComparison {
  kind: 'comparison';
  /** The path as written: `email`, `company.industry`, `lines.quantity`. */
  path: string;
  /** The field compared: of the object, of the related object, or of the collection's items. */
  field: FieldDefinition;
  /** For two-part paths: the relation or collection field of the filtered object. */
  via?: FieldDefinition;
  /** For relation paths: the related object. */
  target?: ObjectDefinition;
  op: FilterOperator;
  /** The normalised literal; an array for `in`; absent for `isEmpty`. */
  value?: Literal | Literal[];
}

export type BoundFilter =
  | { kind: 'and'; items: BoundFilter[] }
  | { kind: 'or'; items: BoundFilter[] }
  | { kind: 'not'; item: BoundFilter }
  | BoundComparison;

/** Finds an object definition by API name (`companies`); undefined when there is none. */
export type ObjectLookup = (name: string) => ObjectDefinition | undefined;

/**
 * Type-checks a filter against an object; throws `FilterError` naming the path.
 * @example bindFilter(parseFilter('company.industry = "retail"'), people, (name) => objects.get(name))
 */
export function bindFilter(expression: FilterExpression, definition: ObjectDefinition, objectOf: ObjectLookup): BoundFilter {
  if ('and' in expression) return { kind: 'and', items: expression.and.map((item) => bindFilter(item, definition, objectOf)) };
  if ('or' in expression) return { kind: 'or', items: expression.or.map((item) => bindFilter(item, definition, objectOf)) };
  if ('not' in expression) return { kind: 'not', item: bindFilter(expression.not, definition, objectOf) };
  return bindComparison(expression, definition, objectOf);
}

function bindComparison(leaf: FilterLeaf, definition: ObjectDefinition, objectOf: ObjectLookup): BoundComparison {
  const path = leaf.field;
  const resolved = resolvePath(path, definition, objectOf);
  const { field } = resolved;
  const spec = fieldTypeSpec(field);
  if (!spec.operators.includes(leaf.op)) {
    throw new FilterError(path, `operator ${leaf.op} does not apply to ${path} (${describeType(field)}); use one of ${spec.operators.join(', ')}`);
  }
  const bound: BoundComparison = { kind: 'comparison', path, ...resolved, op: leaf.op };
  if (leaf.op === 'in') bound.value = leaf.value.map((value) => normalizeLiteral(path, field, value));
  else if (leaf.op !== 'isEmpty') bound.value = normalizeLiteral(path, field, leaf.value);
  return bound;
}

type Resolved = Pick<BoundComparison, 'field' | 'via' | 'target'>;

function resolvePath(path: string, definition: ObjectDefinition, objectOf: ObjectLookup): Resolved {
  const parts = path.split('.');
  if (parts.length === 1) return { field: fieldOf(definition.fields, path, path, definition.name) };
  if (parts.length > 2) throw new FilterError(path, `the field path ${path} has ${parts.length} parts; a path has at most two (relation.field)`);
  const [head, name] = parts;
  const via = definition.fields.find((field) =>
    field.type === 'relation' ? field.relation?.name === head : field.type === 'collection' && field.name === head);
  if (!via) throw new FilterError(path, `${head} is not a relation or collection of ${definition.name}${hintFor(definition, head)}`);
  if (via.type === 'collection') {
    return { via, field: fieldOf(via.collection?.fields ?? [], name, path, `${definition.name}.${head}`) };
  }
  const targetName = via.relation!.target;
  const target = objectOf(targetName);
  if (!target) throw new FilterError(path, `the relation ${head} of ${definition.name} leads to ${targetName}, which is not an object here`);
  return { via, target, field: fieldOf(target.fields, name, path, target.name) };
}

function fieldOf(fields: readonly FieldDefinition[], name: string, path: string, owner: string): FieldDefinition {
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) throw new FilterError(path, `unknown field ${name} on ${owner}`);
  return field;
}

/** `companyId.name` names the field, not the relation: say which name to use. */
function hintFor(definition: ObjectDefinition, head: string): string {
  const field = definition.fields.find((candidate) => candidate.name === head);
  return field?.type === 'relation' && field.relation ? `; write ${field.relation.name}.… to follow the relation ${head}` : '';
}

function describeType(field: FieldDefinition): string {
  return field.type === 'relation' ? `relation to ${field.relation?.cardinality === 'many' ? 'many' : 'one'}` : field.type;
}

function normalizeLiteral(path: string, field: FieldDefinition, value: Literal): Literal {
  const normalized = fieldTypeSpec(field).normalizeLiteral(value, field);
  if (!normalized.ok) throw new FilterError(path, `${path} ${normalized.message}`);
  const literal = normalized.value as Literal;
  return typeof literal === 'number' && Object.is(literal, -0) ? 0 : literal;
}
