// What differs between SQLite and PostgreSQL, behind one interface (Kysely's own pattern).
// The rest of the server never asks which database it is on.
import { ParensNode, ValuesNode, type Compilable, type Expression, type Kysely, type PrimitiveValueListNode, type RawBuilder, type SelectQueryBuilder, type ValueListNode } from 'kysely';

/** How a value is stored: the engine converts at this boundary only. */
export type StorageKind = 'text' | 'integer' | 'float' | 'boolean' | 'json';

export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column types for migrations. Text is compared by code point on both databases. */
  readonly columnTypes: Readonly<Record<StorageKind, Expression<unknown> | 'integer' | 'bigint' | 'real' | 'double precision' | 'text' | 'jsonb' | 'boolean'>>;
  /** Runs `work` in one write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of failing). */
  transaction<T>(db: Kysely<any>, work: (trx: Kysely<any>) => Promise<T>): Promise<T>;
  /** Locks the rows a select reads until the transaction ends (SQLite: its one writer already excludes others). */
  forUpdate<Q extends SelectQueryBuilder<any, any, any>>(query: Q): Q;
  /** Converts a JS value to what the driver binds for a column of `kind`. */
  toDb(value: unknown, kind: StorageKind): unknown;
  /** Converts what the driver returns for a column of `kind` to its JS value. */
  fromDb(value: unknown, kind: StorageKind): unknown;
  /** A key of a JSON object column, as an SQL value of `kind` (json: the raw JSON value). */
  jsonGet(column: Expression<unknown>, key: string, kind: StorageKind): RawBuilder<unknown>;
  /** The JSON object column without one key (for purging a deleted custom field). */
  jsonWithout(column: Expression<unknown>, key: string): RawBuilder<unknown>;
  /** The elements of a JSON array as a table with one column, `value` (text or number). */
  jsonElements(array: Expression<unknown>, kind: StorageKind): RawBuilder<unknown>;
  /** A JSON array built from the rows of a subquery (Kysely's json helpers). */
  jsonArrayFrom(query: SelectQueryBuilder<any, any, any>): RawBuilder<unknown>;
  /** ASCII-case-insensitive LIKE with `\` as escape (both databases fold A–Z only). */
  likeIgnoringAsciiCase(value: Expression<unknown>, pattern: string): RawBuilder<boolean>;
  /**
   * Rows of values as a parenthesised `VALUES` list whose columns have the storage kinds given
   * (PostgreSQL types a bare parameter as text; SQLite's column affinity converts on store),
   * e.g. for one `UPDATE … FROM` that writes many rows. Values are converted with `toDb`.
   */
  typedValues(rows: readonly (readonly unknown[])[], kinds: readonly StorageKind[]): Expression<Record<string, unknown>>;
  /** True when `error` is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /**
   * Before a large bulk load. SQLite: a 512 MiB page cache and a checkpoint every 256 MiB of WAL
   * for this connection, and the non-unique indexes taken down, their definitions recorded in
   * `deferred_indexes` in the same transaction. PostgreSQL: nothing (COPY is the fast path).
   */
  prepareForBulkLoad(): Promise<void>;
  /** After it, and at every migrate (to finish a load that died): rebuilds the deferred indexes. */
  finishBulkLoad(): Promise<void>;

  /**
   * Every row of a select, in the database's order, as arrays of column values (select order),
   * handed to `onRow` one by one without all of them being held: SQLite iterates the statement,
   * PostgreSQL reads through a cursor, 10,000 rows at a time. For whole-table passes (a full
   * analytics recompute reads each table once). The query is compiled through its builder, so a
   * workspace-scoped handle's scoping applies; the connection is busy until the scan ends.
   */
  scan(query: Compilable, onRow: (values: unknown[]) => void): Promise<void>;

  /** Appends rows to a table as fast as the database allows (COPY on PostgreSQL). */
  bulkInsert(table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<void>;
  /** Closes the connection(s). */
  close(): Promise<void>;
}

/**
 * `(VALUES …)` from rows already built as nodes. A row of plain values is one node whose values
 * are bound as they are: thousands of them cost Kysely no node, transform or freeze apiece.
 */
export function valuesList(rows: readonly (PrimitiveValueListNode | ValueListNode)[]): Expression<Record<string, unknown>> {
  const node = ParensNode.create(ValuesNode.create(rows));
  return {
    get expressionType() {
      return undefined;
    },
    toOperationNode: () => node,
  };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern with `\` as escape character. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
