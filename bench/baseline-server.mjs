// The baseline for the record API: bare Fastify with one prepared better-sqlite3 statement,
// no authentication, validation, engine or hooks. Started by run.mjs in its own process.
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';

const [path, workspaceId, port] = process.argv.slice(2);
const db = new BetterSqlite3(path, { readonly: true });
db.pragma('journal_mode = WAL');
const byId = db.prepare('select * from people where workspace_id = ? and id = ? and deleted_at is null');
const app = Fastify({ logger: false });
app.get('/people/:id', async (request, reply) => {
  const row = byId.get(workspaceId, request.params.id);
  return row ?? reply.status(404).send({ error: 'not found' });
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
