// Queries compiled once. Building a Kysely query costs more than running a simple indexed one,
// so hot lookups (API keys, sessions) compile their query once with stand-in values and swap in
// the real ones at each run. Only values change between runs, never the SQL.
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

const STAND_IN = '\u0000stand-in-';

/**
 * A query compiled on first use; `build` receives stand-ins for the values it will be run with.
 * @example const byHash = prepared((hash) => db.selectFrom('api_keys').selectAll().where('token_hash', '=', hash(0)));
 *          const { rows } = await byHash(db, [hashOfKey]);
 */
export function prepared<Row>(build: (value: (index: number) => string) => Compilable<Row>) {
  let compiled: CompiledQuery<Row> | undefined;
  return async (db: Kysely<any>, values: readonly unknown[]): Promise<Row[]> => {
    compiled ??= build((index) => `${STAND_IN}${index}`).compile();
    const parameters = compiled.parameters.map((parameter) =>
      typeof parameter === 'string' && parameter.startsWith(STAND_IN) ? values[Number(parameter.slice(STAND_IN.length))] : parameter);
    return (await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters))).rows;
  };
}
