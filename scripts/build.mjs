// Builds every package in dependency order: core → server → (client types from the served
// OpenAPI document) → client → cli → web (type-checked, then bundled by Vite into packages/web/dist).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const started = Date.now();
run(process.execPath, [tsc, '-b', 'packages/core', 'packages/server']);
run(process.execPath, [join(root, 'scripts/generate-client.mjs')]);
run(process.execPath, [tsc, '-b', 'packages/client', 'packages/cli']);
run(process.execPath, [tsc, '-p', 'packages/web']);
execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: join(root, 'packages/web'), stdio: 'inherit' });
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
