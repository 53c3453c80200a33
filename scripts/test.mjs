// Runs every test and ends with one line: `N passed, N failed, N skipped`.
// PostgreSQL joins the run when it answers on 127.0.0.1:5432 (RAPPORT_TEST_PG=required makes
// that mandatory, =off leaves it out); the test setup says which.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.test-output');
mkdirSync(outDir, { recursive: true });

if (!existsSync(join(root, 'packages/client/src/generated/schema.ts'))) {
  const generated = spawnSync(process.execPath, [join(root, 'scripts/generate-client.mjs')], { cwd: root, stdio: 'inherit' });
  if (generated.status !== 0) process.exit(generated.status ?? 1);
}

// The CLI tests run the built command as a user does: bring the build up to date (incremental).
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/core', 'packages/server', 'packages/client', 'packages/cli'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// The browser tests and the bundle budget need the web app built.
if (!existsSync(join(root, 'packages/web/dist/index.html'))) {
  const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: join(root, 'packages/web'), stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const report = join(outDir, 'vitest.json');
rmSync(report, { force: true });
const vitest = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  cwd: root, stdio: 'inherit', env: process.env,
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  // A file that fails to load has no failed test of its own; count it as one failure.
  const brokenFiles = (results.testResults ?? []).filter((file) => file.status === 'failed' && !file.assertionResults?.some((a) => a.status === 'failed')).length;
  failed = results.numFailedTests + brokenFiles;
  skipped = results.numPendingTests + results.numTodoTests;
} else {
  failed = 1; // vitest died before reporting
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
