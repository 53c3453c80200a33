// Rapport's server, built, on the benchmark database. Started by run.mjs in its own process.
import { buildApp, createServices, openDatabase } from '../packages/server/dist/index.js';

// A third argument `worker` also starts the job worker, as `rapport serve` does.
const [path, port, worker] = process.argv.slice(2);
const database = openDatabase({ databaseKind: 'sqlite', databaseUrl: `sqlite:${path}`, sqlitePath: path });
await database.migrate();
const services = createServices(database);
const app = await buildApp(services, { logLevel: 'warn' });
if (worker === 'worker') services.jobs.start();
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
