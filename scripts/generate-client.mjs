// Generates the typed API client's types from the OpenAPI document the server serves (the
// public document: standard objects). Runs the server's TypeScript sources through tsx, so it
// needs no build. Writes packages/client/openapi.json and packages/client/src/generated/schema.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = await tsImport('../packages/server/src/index.ts', import.meta.url);
const openapiTS = (await import('openapi-typescript')).default;
const { astToString } = await import('openapi-typescript');

const database = server.openDatabase({ databaseKind: 'sqlite', databaseUrl: 'sqlite::memory:', sqlitePath: ':memory:' });
await database.migrate();
const app = await server.buildApp(server.createServices(database), { logLevel: 'silent' });
const response = await app.inject({ method: 'GET', url: '/openapi.json' });
await app.close();
await database.close();
if (response.statusCode !== 200) throw new Error(`GET /openapi.json answered ${response.statusCode}`);

const document = response.json();
const clientDir = join(root, 'packages/client');
writeFileSync(join(clientDir, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
const ast = await openapiTS(document, { alphabetize: false });
const out = join(clientDir, 'src/generated/schema.ts');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `// Generated from the served OpenAPI document by scripts/generate-client.mjs. Do not edit.\n${astToString(ast)}`);
console.log(`client types: ${Object.keys(document.paths).length} paths → packages/client/src/generated/schema.ts`);
