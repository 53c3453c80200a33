// Rapport's server, built, on the benchmark database. Started by run.mjs in its own process.
import { fileURLToPath } from 'node:url';
import { buildApp, createServices, openDatabase } from '../packages/server/dist/index.js';

// Further arguments: `worker` also starts the job worker, as `rapport serve` does; `web` also
// serves the built web app at / (packages/web/dist); `snapshots` answers whole-workspace reports
// from their stored snapshots however fast they compute (REPORT_SNAPSHOT_MIN_MS=0), so that the
// snapshot path is measured at any size.
const [path, port, ...extras] = process.argv.slice(2);
const database = openDatabase({ databaseKind: 'sqlite', databaseUrl: `sqlite:${path}`, sqlitePath: path }, { server: true });
await database.migrate();
const services = createServices(database, extras.includes('snapshots') ? { reportSnapshots: { minComputeMs: 0 } } : {});
const webRoot = extras.includes('web') ? fileURLToPath(new URL('../packages/web/dist/', import.meta.url)) : undefined;
const app = await buildApp(services, { logLevel: 'warn', ...(webRoot ? { webRoot } : {}) });
if (extras.includes('worker')) services.jobs.start();
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('ready\n');
