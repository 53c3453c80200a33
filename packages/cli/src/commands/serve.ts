import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { buildApp, createServices, openDatabase, redact, scheduleNightlyRecompute, type Services } from '@rapport/server';
import { configOrExit, serviceOptions } from '../runtime.js';
import { loadDemo } from './demo.js';

export const DEMO_SLUG = 'demo';
export const DEMO_ADMIN = 'admin@demo.example';

/** On first start: the demo workspace, with data, an admin and an API key. Returns lines to print. */
async function ensureDemoWorkspace(services: Services): Promise<string[]> {
  if (await services.workspaces.bySlug(DEMO_SLUG)) {
    return [
      `  Demo workspace: ${DEMO_SLUG} (its admin password and first API key were printed when it was created)`,
      `  New API key:    npx rapport apikey create --workspace ${DEMO_SLUG} --name me`,
    ];
  }
  const workspace = await services.workspaces.create({ slug: DEMO_SLUG, name: 'Demo company', defaultCurrency: 'EUR' });
  const password = randomBytes(12).toString('base64url');
  await services.users.addToWorkspace(workspace.id, { email: DEMO_ADMIN, name: 'Demo admin', password, role: 'admin' });
  const summary = await loadDemo(services, DEMO_SLUG, 'small', 1);
  const { key } = await services.apiKeys.create(workspace.id, { name: 'quick start' }, { actor: 'system' });
  return [
    `  Demo workspace: ${DEMO_SLUG}, ${summary}`,
    `  Sign in:        http://HOST/ as ${DEMO_ADMIN} / ${password}`,
    `  API key:        ${key}`,
    `  Try:            curl -H "Authorization: Bearer ${key}" "http://HOST/api/v1/objects/people?limit=5"`,
  ];
}

export function registerServeCommand(program: Command) {
  program.command('serve')
    .description('Start the server (migrating the database first)')
    .option('--demo', 'on first start, create the demo workspace with demo data, an admin login and an API key')
    .action(async (options: { demo?: boolean }) => {
      const config = configOrExit();
      // As a server: SQLite's log checkpointed in a worker thread, planner statistics kept current.
      const database = openDatabase(config, { server: true });
      await database.migrate().catch((error: Error) => {
        throw new Error(`cannot open the database at ${redact(config.databaseUrl)}: ${error.message}`);
      });
      const services = createServices(database, serviceOptions(config));
      const lines = options.demo ? await ensureDemoWorkspace(services) : [];
      const app = await buildApp(services, { logLevel: config.logLevel });
      await app.listen({ port: config.port, host: config.host });
      services.jobs.start();
      const nightly = scheduleNightlyRecompute(services);
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
      process.stdout.write([
        '',
        `Rapport is running at ${url}`,
        `  API reference:  ${url}/docs`,
        `  Database:       ${redact(config.databaseUrl)}`,
        ...lines.map((line) => line.replace('http://HOST', url)),
        '',
      ].join('\n') + '\n');
      const stop = async () => {
        nightly.stop();
        await services.jobs.stop();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
