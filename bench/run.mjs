// `npm run bench`: Rapport's figures beside baselines measured in the same run, so that ratios
// mean something on a noisy machine. Writes bench/results/latest.json and prints a summary.
//   node bench/run.mjs [--people 100000] [--large] [--seconds 10] [--rounds 3] [--reuse]
// --large also times `rapport demo --size large` (1,000,000 people; an hour here, ~24 GB of disk).
// --reuse keeps the demo database of an earlier run (its demo figures are then not measured again).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const PEOPLE = Number(option('people', '100000'));
const SECONDS = Number(option('seconds', '10'));
const work = join(root, 'bench/results');
mkdirSync(work, { recursive: true });
const cli = join(root, 'packages/cli/dist/main.js');
if (!existsSync(cli)) throw new Error('build first: npm run build');

const results = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, at: new Date().toISOString() };
const log = (line) => process.stdout.write(`${line}\n`);

/** Runs the CLI, sampling the child's peak resident memory from /proc while it runs. */
function timedCli(cliArgs, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, ...cliArgs], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peakKb = 0;
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    const sample = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch { /* exited */ }
    }, 200);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) return reject(new Error(`rapport ${cliArgs.join(' ')} exited ${code}`));
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMb: Math.round(peakKb / 1024), stdout });
    });
  });
}

function startServer(script, scriptArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bench', script), ...scriptArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => resolve(child));
    child.on('exit', (code) => reject(new Error(`${script} exited ${code}`)));
  });
}

async function load(url, paths, headers) {
  let i = 0;
  const result = await autocannon({
    url, connections: 10, duration: SECONDS, headers,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length] }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { requestsPerSecond: Math.round(result.requests.average), p50ms: result.latency.p50, p99ms: result.latency.p99 };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function latencies(run, times = 200) {
  const out = [];
  for (let i = 0; i < 20; i++) await run(); // warm-up
  for (let i = 0; i < times; i++) {
    const started = process.hrtime.bigint();
    await run();
    out.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { p50ms: +percentile(out, 50).toFixed(2), p95ms: +percentile(out, 95).toFixed(2) };
}

// 1. Demo data: PEOPLE people on a fresh SQLite file.
const dbPath = join(work, `bench-${PEOPLE}.db`);
const env = { DATABASE_URL: `sqlite:${dbPath}`, LOG_LEVEL: 'warn' };
if (args.includes('--reuse') && existsSync(dbPath)) {
  spawnSync(process.execPath, [cli, 'migrate'], { env: { ...process.env, ...env } });
  log(`demo ${PEOPLE} people: reusing ${dbPath}`);
} else {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const demo = await timedCli(['demo', '--workspace', 'bench', '--size', String(PEOPLE), '--seed', '1'], env);
  results.demo = { people: PEOPLE, seconds: +demo.seconds.toFixed(1), peakMb: demo.peakMb, summary: demo.stdout.trim() };
  log(`demo ${PEOPLE} people: ${demo.seconds.toFixed(1)} s, peak ${demo.peakMb} MB`);
}
const key = spawnSync(process.execPath, [cli, 'apikey', 'create', '--workspace', 'bench', '--name', 'bench'], { env: { ...process.env, ...env }, encoding: 'utf8' }).stdout.trim().split('\n').pop();

const raw = new BetterSqlite3(dbPath, { readonly: true });
const { id: workspaceId } = raw.prepare("select id from workspaces where slug = 'bench'").get();
const ids = raw.prepare('select id from people where workspace_id = ? order by random() limit 2000').all(workspaceId).map((row) => row.id);

// 2. GET one person: Rapport (API key, full engine path) against bare Fastify + better-sqlite3.
// Rounds alternate the two servers, and each round's ratio pairs measurements taken minutes
// apart at most: the median of the paired ratios is robust to a noisy neighbour on the machine.
const ROUNDS = Number(option('rounds', '3'));
const rounds = [];
for (let round = 0; round < ROUNDS; round++) {
  const bare = await startServer('baseline-server.mjs', [dbPath, workspaceId, '3301']);
  const bareResult = await load('http://127.0.0.1:3301', ids.map((id) => `/people/${id}`), {});
  bare.kill();
  const server = await startServer('rapport-server.mjs', [dbPath, '3302']);
  const ours = await load('http://127.0.0.1:3302', ids.map((id) => `/api/v1/objects/people/${id}`), { authorization: `Bearer ${key}` });
  server.kill();
  rounds.push({ bare: bareResult, rapport: ours, ratio: +(ours.requestsPerSecond / bareResult.requestsPerSecond).toFixed(2) });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
results.getById = {
  rapportRps: median(rounds.map((r) => r.rapport.requestsPerSecond)),
  baselineRps: median(rounds.map((r) => r.bare.requestsPerSecond)),
  ratio: median(rounds.map((r) => r.ratio)),
  rounds,
};
log(`GET /api/v1/objects/people/{id}: ${results.getById.rapportRps} req/s vs bare Fastify + better-sqlite3 ${results.getById.baselineRps} req/s (medians of ${ROUNDS} rounds) → ratio ${results.getById.ratio} (median of paired rounds ${rounds.map((r) => r.ratio).join(', ')}; goal ≥ 0.5)`);

// 3. List pages of 50, filtered and sorted: Rapport over HTTP against the raw SQL.
const server = await startServer('rapport-server.mjs', [dbPath, '3302']);
const lists = {
  customers: { filter: 'lifecycleStage = "customer"', sql: "select * from people where workspace_id = ? and deleted_at is null and lifecycle_stage = 'customer' order by created_at desc, id desc limit 51" },
  industry: {
    filter: 'company.industry = "retail"',
    sql: "select p.* from people p where p.workspace_id = ? and p.deleted_at is null and exists (select 1 from companies c where c.workspace_id = p.workspace_id and c.id = p.company_id and c.deleted_at is null and c.industry = 'retail') order by p.created_at desc, p.id desc limit 51",
  },
};
results.lists = {};
for (const [name, { filter, sql }] of Object.entries(lists)) {
  const url = `http://127.0.0.1:3302/api/v1/objects/people?limit=50&sort=-createdAt&filter=${encodeURIComponent(filter)}`;
  const ours = await latencies(async () => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
    if (response.status !== 200) throw new Error(`${url} → ${response.status}`);
    await response.arrayBuffer();
  });
  const statement = raw.prepare(sql);
  const baseline = await latencies(async () => statement.all(workspaceId));
  results.lists[name] = { filter, rapport: ours, rawSql: baseline };
  log(`list "${filter}" sort -createdAt limit 50: p50 ${ours.p50ms} ms, p95 ${ours.p95ms} ms (goal p95 ≤ 20 ms); raw SQL p50 ${baseline.p50ms} ms, p95 ${baseline.p95ms} ms`);
}
server.kill();
raw.close();

// 4. Optionally: the large demo.
if (args.includes('--large')) {
  const largePath = join(work, 'bench-large.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(largePath + suffix, { force: true });
  const large = await timedCli(['demo', '--workspace', 'large', '--size', 'large', '--seed', '1'], { DATABASE_URL: `sqlite:${largePath}`, LOG_LEVEL: 'warn' });
  results.demoLarge = { seconds: +large.seconds.toFixed(1), peakMb: large.peakMb, summary: large.stdout.trim() };
  log(`demo large (1,000,000 people): ${large.seconds.toFixed(1)} s, peak ${large.peakMb} MB — ${large.stdout.trim()}`);
}

writeFileSync(join(work, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
log(`results: bench/results/latest.json`);
