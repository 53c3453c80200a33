// Rapport's server, built, on the benchmark database. Started by run.mjs in its own process.
import { buildApp, createServices, openDatabase } from '../packages/server/dist/index.js';

const [path, port] = process.argv.slice(2);
const database = openDatabase({ databaseKind: 'sqlite', databaseUrl: `sqlite:${path}`, sqlitePath: path });
await database.migrate();
const app = await buildApp(createServices(database), { logLevel: 'warn' });
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
