// Workspace scoping as a Kysely plugin: every table reference of a query that touches a
// workspace table gets `workspace_id = <the context's workspace>` added to its WHERE (or to
// its JOIN … ON), every INSERT gets or is checked for the workspace, in subqueries too. A module
// cannot forget the scope, and cannot name another workspace.
import {
  AliasNode, BinaryOperationNode, ColumnNode, IdentifierNode, JoinNode, OperationNodeTransformer,
  OperatorNode, PrimitiveValueListNode, QueryNode, ReferenceNode, TableNode, ValueListNode, ValueNode, ValuesNode,
  type DeleteQueryNode, type InsertQueryNode, type KyselyPlugin, type OperationNode, type PluginTransformQueryArgs,
  type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type SelectQueryNode, type UnknownRow,
  type UpdateQueryNode,
} from 'kysely';
import { RawNode } from 'kysely';
import { WORKSPACE_TABLES } from './tables.js';

export class ScopeViolation extends Error {
  override name = 'ScopeViolation';
}

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/** The table name and the name to qualify its columns with, if `node` is a (possibly aliased) table. */
function tableOf(node: OperationNode): { table: string; qualifier: string } | undefined {
  if (TableNode.is(node)) return { table: node.table.identifier.name, qualifier: node.table.identifier.name };
  if (AliasNode.is(node) && TableNode.is(node.node) && IdentifierNode.is(node.alias)) {
    return { table: node.node.table.identifier.name, qualifier: node.alias.name };
  }
  return undefined;
}

class ScopeTransformer extends OperationNodeTransformer {
  constructor(private readonly workspaceId: string) {
    super();
  }

  private condition(qualifier: string): OperationNode {
    return BinaryOperationNode.create(
      ReferenceNode.create(ColumnNode.create('workspace_id'), TableNode.create(qualifier)),
      OperatorNode.create('='),
      ValueNode.create(this.workspaceId),
    );
  }

  /** Adds the scope of each workspace table in `froms` to the node's WHERE. */
  private scopeFroms<T extends { where?: unknown }>(node: T, froms: readonly OperationNode[]): T {
    let scoped = node;
    for (const from of froms) {
      const table = tableOf(from);
      if (table && WORKSPACE_TABLES.has(table.table)) scoped = QueryNode.cloneWithWhere(scoped as never, this.condition(table.qualifier));
    }
    return scoped;
  }

  private scopeJoins(joins: readonly JoinNode[] | undefined): JoinNode[] | undefined {
    return joins?.map((join) => {
      const table = tableOf(join.table);
      return table && WORKSPACE_TABLES.has(table.table) ? JoinNode.cloneWithOn(join, this.condition(table.qualifier)) : join;
    });
  }

  protected override transformSelectQuery(node: SelectQueryNode, queryId?: never): SelectQueryNode {
    const inner = super.transformSelectQuery(node, queryId);
    const joined = inner.joins ? { ...inner, joins: this.scopeJoins(inner.joins) } : inner;
    return this.scopeFroms(joined, inner.from?.froms ?? []);
  }

  protected override transformUpdateQuery(node: UpdateQueryNode, queryId?: never): UpdateQueryNode {
    const inner = super.transformUpdateQuery(node, queryId);
    const joined = inner.joins ? { ...inner, joins: this.scopeJoins(inner.joins) } : inner;
    const froms = [...(inner.table ? [inner.table] : []), ...(inner.from?.froms ?? [])];
    return this.scopeFroms(joined, froms);
  }

  protected override transformDeleteQuery(node: DeleteQueryNode, queryId?: never): DeleteQueryNode {
    const inner = super.transformDeleteQuery(node, queryId);
    const joined = inner.joins ? { ...inner, joins: this.scopeJoins(inner.joins) } : inner;
    return this.scopeFroms(joined, [...inner.from.froms, ...(inner.using?.tables ?? [])]);
  }

  protected override transformInsertQuery(node: InsertQueryNode, queryId?: never): InsertQueryNode {
    const inner = super.transformInsertQuery(node, queryId);
    const table = inner.into?.table.identifier.name;
    if (!table || !WORKSPACE_TABLES.has(table)) return inner;
    if (!inner.values || !ValuesNode.is(inner.values)) throw new ScopeViolation(`insert into ${table} must list its values`);
    const columns = inner.columns ?? [];
    const at = columns.findIndex((column) => column.column.name === 'workspace_id');
    if (at >= 0) {
      for (const row of inner.values.values) {
        const value = PrimitiveValueListNode.is(row) ? row.values[at] : (row.values[at] as ValueNode | undefined)?.value;
        if (value !== this.workspaceId) throw new ScopeViolation(`insert into ${table} names another workspace`);
      }
      return inner;
    }
    const rows = inner.values.values.map((row) =>
      PrimitiveValueListNode.is(row)
        ? PrimitiveValueListNode.create([...row.values, this.workspaceId])
        : ValueListNode.create([...row.values, ValueNode.create(this.workspaceId)]),
    );
    return { ...inner, columns: [...columns, ColumnNode.create('workspace_id')], values: ValuesNode.create(rows) };
  }
}

/**
 * Scopes every query of a Kysely instance to one workspace.
 * @example const ws = db.withPlugin(new WorkspaceScopePlugin(workspaceId));
 */
export class WorkspaceScopePlugin implements KyselyPlugin {
  readonly #transformer: ScopeTransformer;

  constructor(readonly workspaceId: string) {
    this.#transformer = new ScopeTransformer(workspaceId);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (RawNode.is(node)) {
      if (TRANSACTION_CONTROL.test(node.sqlFragments.join('?'))) return node;
      throw new ScopeViolation('a raw query cannot be scoped to a workspace; build it with the query builder');
    }
    return this.#transformer.transformNode(node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
