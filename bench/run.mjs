// `npm run bench`: Rapport's figures beside baselines measured in the same run, so that ratios
// mean something on a noisy machine. Writes bench/results/latest.json and prints a summary.
//   node bench/run.mjs [--people 100000] [--large [--large-db path]] [--seconds 10] [--rounds 3] [--reuse] [--postgres [url]] [--only analytics|lists|large|browser|postgres]
// --large also times `rapport demo --size large` (1,000,000 people, ~24 GB of disk) and measures
// the analytics on it.
// --reuse keeps the demo database of an earlier run (its demo figures are then not measured again).
// --large-db <path> puts the large demo's file elsewhere (it needs ~24 GB of free disk).
// --only analytics skips the record API measures (2 and 3); --only lists runs the list pages (3)
// alone; --only large (with --large) measures the large demo alone; --only browser runs the web
// app's measures (6) alone; --only postgres runs the PostgreSQL measures (7) alone.
// --postgres [url] also measures the demo and a full analytics recompute on PostgreSQL (7), in a
// database `rapport_bench` made afresh on the server at url, given without a database name
// (postgres://postgres@127.0.0.1:5432 by default).
// With --reuse an existing `rapport_bench` is measured again.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const PEOPLE = Number(option('people', '100000'));
const SECONDS = Number(option('seconds', '10'));
const ONLY = option('only', 'all');
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

// What any recompute must at least do: read every customer's paid orders and their interactions
// once, grouped by person (the workspace's id bound to `?`).
const BARE_AGGREGATE = [
  "select person_id, count(*), sum(total), sum(cost_total), min(ordered_at), max(ordered_at) from orders where workspace_id = ? and deleted_at is null and status not in ('cancelled', 'refunded') group by person_id",
  "select ip.person_id, count(*), sum(i.duration_seconds), max(i.occurred_at), sum(case when i.direction = 'inbound' then 1 else 0 end) from interaction_participants ip join interactions i on i.workspace_id = ip.workspace_id and i.id = ip.interaction_id where ip.workspace_id = ? and i.deleted_at is null group by ip.person_id",
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
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

if (ONLY !== 'large' && ONLY !== 'postgres') {
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
  const ROUNDS = ONLY === 'all' ? Number(option('rounds', '3')) : 0;
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
  if (ROUNDS > 0) {
  results.getById = {
    rapportRps: median(rounds.map((r) => r.rapport.requestsPerSecond)),
    baselineRps: median(rounds.map((r) => r.bare.requestsPerSecond)),
    ratio: median(rounds.map((r) => r.ratio)),
    rounds,
  };
  log(`GET /api/v1/objects/people/{id}: ${results.getById.rapportRps} req/s vs bare Fastify + better-sqlite3 ${results.getById.baselineRps} req/s (medians of ${ROUNDS} rounds) → ratio ${results.getById.ratio} (median of paired rounds ${rounds.map((r) => r.ratio).join(', ')}; goal ≥ 0.5)`);
  }

  // 3. List pages of 50, filtered and sorted: Rapport over HTTP against the raw SQL.
  if (ONLY === 'all' || ONLY === 'lists') {
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
  }
  raw.close();

  // 4. Analytics on the demo database: full recompute against the bare GROUP BY aggregate over the
  // same orders and interactions, the incremental update after one new order, and the dashboard API.
  if (ONLY === 'all' || ONLY === 'analytics') results.analytics = await analyticsBench(dbPath, 'bench', key);

  // 6. The web app in headless Chromium: the people list's first rows, and the rows kept in the
  // page after scrolling 10,000 rows down.
  if (ONLY === 'all' || ONLY === 'browser') results.browser = await browserBench(dbPath, 'bench');
}

// 5. Optionally: the large demo (1,000,000 people), timed without its metrics, then the analytics
// measures on it. With --reuse an existing large database is measured again.
if (args.includes('--large')) {
  const largePath = option('large-db', join(work, 'bench-large.db'));
  const largeEnv = { DATABASE_URL: `sqlite:${largePath}`, LOG_LEVEL: 'warn' };
  if (args.includes('--reuse') && existsSync(largePath)) {
    spawnSync(process.execPath, [cli, 'migrate'], { env: { ...process.env, ...largeEnv } });
    log(`demo large: reusing ${largePath}`);
  } else {
    for (const suffix of ['', '-wal', '-shm']) rmSync(largePath + suffix, { force: true });
    const large = await timedCli(['demo', '--workspace', 'large', '--size', 'large', '--seed', '1', '--no-metrics'], largeEnv);
    results.demoLarge = { seconds: +large.seconds.toFixed(1), peakMb: large.peakMb, summary: large.stdout.trim() };
    log(`demo large (1,000,000 people): ${large.seconds.toFixed(1)} s, peak ${large.peakMb} MB — ${large.stdout.trim()}`);
  }
  const largeKey = spawnSync(process.execPath, [cli, 'apikey', 'create', '--workspace', 'large', '--name', 'bench'], { env: { ...process.env, ...largeEnv }, encoding: 'utf8' }).stdout.trim().split('\n').pop();
  // A whole-workspace report reads every row of the period: three requests each at this size.
  results.analyticsLarge = await analyticsBench(largePath, 'large', largeKey, { dashboardRuns: 3 });
}

// 7. Optionally: the demo and a full analytics recompute on PostgreSQL, beside the bare aggregate
// run by the same server in the same run.
if (args.includes('--postgres') || ONLY === 'postgres') results.postgres = await postgresBench();

async function postgresBench() {
  const given = option('postgres', '');
  const base = given.startsWith('postgres') ? given.replace(/\/$/, '') : 'postgres://postgres@127.0.0.1:5432';
  const url = `${base}/rapport_bench`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  const exists = (await admin.query("select 1 from pg_database where datname = 'rapport_bench'")).rowCount > 0;
  const out = { people: PEOPLE };
  const env = { DATABASE_URL: url, LOG_LEVEL: 'warn' };
  if (args.includes('--reuse') && exists) {
    log(`postgres demo ${PEOPLE} people: reusing rapport_bench`);
  } else {
    await admin.query('drop database if exists rapport_bench');
    await admin.query('create database rapport_bench');
    const demo = await timedCli(['demo', '--workspace', 'bench', '--size', String(PEOPLE), '--seed', '1'], env);
    out.demo = { seconds: +demo.seconds.toFixed(1), peakMb: demo.peakMb, summary: demo.stdout.trim() };
    log(`postgres demo ${PEOPLE} people: ${demo.seconds.toFixed(1)} s, peak ${demo.peakMb} MB`);
  }
  await admin.end();
  const recompute = await timedCli(['analytics', 'recompute', '--workspace', 'bench'], env);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const { rows: [{ id: ws }] } = await db.query("select id from workspaces where slug = 'bench'");
  const aggregate = async () => {
    const started = process.hrtime.bigint();
    for (const query of BARE_AGGREGATE) await db.query(query.replace('?', '$1'), [ws]);
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  const bare = median([await aggregate(), await aggregate(), await aggregate()]);
  await db.end();
  out.recompute = { seconds: +recompute.seconds.toFixed(1), peakMb: recompute.peakMb, bareAggregateSeconds: +bare.toFixed(2), ratio: +(recompute.seconds / bare).toFixed(1), summary: recompute.stdout.trim() };
  log(`postgres analytics recompute: ${recompute.seconds.toFixed(1)} s, peak ${recompute.peakMb} MB vs bare GROUP BY aggregate ${bare.toFixed(2)} s → ${out.recompute.ratio}× (goal ≤ 3×)`);
  return out;
}

async function analyticsBench(path, slug, apiKey, { dashboardRuns = 7 } = {}) {
  const out = {};
  const dbEnv = { DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'warn' };
  const recompute = await timedCli(['analytics', 'recompute', '--workspace', slug], dbEnv);
  const db = new BetterSqlite3(path, { readonly: true });
  const { id: ws } = db.prepare('select id from workspaces where slug = ?').get(slug);
  const aggregate = () => {
    const started = process.hrtime.bigint();
    for (const query of BARE_AGGREGATE) db.prepare(query).all(ws);
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  const bare = median([aggregate(), aggregate(), aggregate()]);
  out.recompute = { seconds: +recompute.seconds.toFixed(1), peakMb: recompute.peakMb, bareAggregateSeconds: +bare.toFixed(2), ratio: +(recompute.seconds / bare).toFixed(1), summary: recompute.stdout.trim() };
  log(`analytics recompute: ${recompute.seconds.toFixed(1)} s, peak ${recompute.peakMb} MB vs bare GROUP BY aggregate ${bare.toFixed(2)} s → ${out.recompute.ratio}× (goal ≤ 3×)`);

  // Incremental: a new order for a random customer, then poll until the person's metrics are newer.
  const server = await startServer('rapport-server.mjs', [path, '3303', 'worker', 'snapshots']);
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const people = db.prepare('select id from people where workspace_id = ? and deleted_at is null order by random() limit 120').all(ws).map((row) => row.id);
  const samples = [];
  for (const [i, personId] of people.entries()) {
    const before = (await (await fetch(`http://127.0.0.1:3303/api/v1/objects/people/${personId}?fields=metricsAt`, { headers })).json()).metricsAt;
    const started = process.hrtime.bigint();
    const created = await fetch('http://127.0.0.1:3303/api/v1/objects/orders', {
      method: 'POST', headers,
      body: JSON.stringify({ number: `BENCH-${Date.now()}-${i}`, personId, orderedAt: new Date().toISOString(), currency: 'EUR', lines: [{ description: 'Bench', quantity: 1, unitPrice: 1000, unitCost: 400 }] }),
    });
    if (created.status !== 201) throw new Error(`order → ${created.status}`);
    for (;;) {
      const now = (await (await fetch(`http://127.0.0.1:3303/api/v1/objects/people/${personId}?fields=metricsAt`, { headers })).json()).metricsAt;
      if (now !== before) break;
      if (Number(process.hrtime.bigint() - started) > 10e9) throw new Error('metrics not updated within 10 s');
    }
    if (i >= 20) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  out.incremental = { p50ms: +percentile(samples, 50).toFixed(1), p95ms: +percentile(samples, 95).toFixed(1), samples: samples.length };
  log(`analytics incremental (order created → person's metrics stored, over HTTP): p50 ${out.incremental.p50ms} ms, p95 ${out.incremental.p95ms} ms (goal p95 ≤ 50 ms)`);

  // Dashboard: the four reports for the whole workspace — computed live (`fresh=true`), then
  // answered from the snapshot the recompute stored (the server answers snapshots at any compute
  // time, see rapport-server.mjs) — and for a 10 % segment (the strongest ties; always live).
  // Each answer's `isSnapshot` is checked, so one figure cannot pass for the other.
  const people10 = db.prepare('select count(*) n from people where workspace_id = ? and deleted_at is null').get(ws).n;
  const cut = db.prepare('select relationship_strength s from people where workspace_id = ? and deleted_at is null and relationship_strength is not null order by relationship_strength desc limit 1 offset ?').get(ws, Math.floor(people10 / 10))?.s ?? 0;
  out.dashboard = {};
  const measures = [
    ['workspaceLive', 'whole workspace, LIVE (fresh=true)', 'fresh=true', false],
    ['workspaceSnapshot', 'whole workspace, FROM SNAPSHOT (stale-while-revalidate)', '', true],
    ['segment10', '10 % segment, live', `filter=${encodeURIComponent(`relationshipStrength > ${cut}`)}`, false],
  ];
  for (const [scope, label, query, isSnapshot] of measures) {
    out.dashboard[scope] = {};
    for (const report of ['satisfaction', 'loyalty', 'retention', 'profitability']) {
      const url = `http://127.0.0.1:3303/api/v1/analytics/${report}?${query}`;
      const times = [];
      const warmUps = dashboardRuns > 3 ? 2 : 1;
      for (let i = 0; i < dashboardRuns; i++) {
        const started = process.hrtime.bigint();
        const response = await fetch(url, { headers });
        if (response.status !== 200) throw new Error(`${url} → ${response.status}`);
        const body = await response.text();
        if (i >= warmUps) times.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (JSON.parse(body).isSnapshot !== isSnapshot) throw new Error(`${url}: expected ${isSnapshot ? 'a snapshot' : 'a live answer'}`);
      }
      out.dashboard[scope][report] = { p50ms: +percentile(times, 50).toFixed(0), maxMs: +Math.max(...times).toFixed(0) };
    }
    log(`analytics dashboard (${label}): ${Object.entries(out.dashboard[scope]).map(([name, t]) => `${name} p50 ${t.p50ms} ms`).join(', ')} (goal ≤ 300 ms)`);
  }
  server.kill();
  db.close();
  return out;
}

async function browserBench(path, slug) {
  const { chromium } = await import('playwright-core');
  const email = `bench-web-${Date.now()}@bench.example`;
  const password = `bench-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const created = spawnSync(process.execPath, [cli, 'user', 'create', '--workspace', slug, '--email', email, '--name', 'Bench Browser', '--role', 'admin', '--password', password],
    { env: { ...process.env, DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`rapport user create: ${created.stderr}`);
  const server = await startServer('rapport-server.mjs', [path, '3304', 'web']);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const out = { people: PEOPLE, loadAverage: (await import('node:os')).loadavg().map((load) => +load.toFixed(1)) };
  try {
    const context = await browser.newContext({ baseURL: 'http://127.0.0.1:3304', viewport: { width: 1280, height: 800 } });
    // The first frame painted with a row of the table in it, in ms since the navigation began.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('tbody tr[aria-rowindex]')) return;
        observer.disconnect();
        requestAnimationFrame(() => { window.__firstRowsAt = performance.now(); });
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto('/sign-in?next=%2Fobjects%2Fpeople');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/objects/people');
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const tab = await context.newPage();
      tab.setDefaultTimeout(60_000);
      await tab.goto('/objects/people');
      await tab.waitForFunction(() => window.__firstRowsAt !== undefined);
      runs.push(Math.round(await tab.evaluate(() => window.__firstRowsAt)));
      if (i < 4) await tab.close();
    }
    out.firstRows = { p50ms: percentile(runs, 50), runsMs: runs };
    log(`web: people list (${PEOPLE.toLocaleString('en')} people), navigation → first rows painted: p50 ${out.firstRows.p50ms} ms (runs ${runs.join(', ')} ms; goal ≤ 1000 ms; load average ${out.loadAverage.join(', ')})`);

    // Scroll down until row 10,000 is in sight (the list fetches the next page as its end nears).
    const tab = context.pages().at(-1);
    const target = Math.min(10_000, PEOPLE - 20);
    const started = Date.now();
    for (;;) {
      const deepest = await tab.evaluate(() => {
        const rows = [...document.querySelectorAll('tbody tr[aria-rowindex]')].map((row) => Number(row.getAttribute('aria-rowindex')));
        return Math.max(0, ...rows);
      });
      if (deepest >= target) break;
      if (Date.now() - started > 300_000) throw new Error(`scrolled to row ${deepest} only in 5 minutes`);
      await tab.evaluate(() => {
        const scroller = document.querySelector('[data-testid="record-table-scroll"]');
        scroller.scrollTop = scroller.scrollHeight;
      });
      await tab.waitForTimeout(50);
    }
    await tab.evaluate((row) => {
      const scroller = document.querySelector('[data-testid="record-table-scroll"]');
      scroller.scrollTop = row * 37 - 200;
    }, target);
    await tab.waitForTimeout(300);
    const inDom = await tab.locator('tbody tr').count();
    out.scroll = { rowsScrolled: target, rowsInDom: inDom, seconds: +((Date.now() - started) / 1000).toFixed(1) };
    log(`web: rows in the page after scrolling ${target.toLocaleString('en')} rows down: ${inDom} (goal ≤ 100; the scroll with its ${Math.ceil(target / 100)} page fetches took ${out.scroll.seconds} s)`);
  } finally {
    await browser.close();
    server.kill();
  }
  out.goals = { firstRowsMs: 1000, rowsInDom: 100 };
  return out;
}

writeFileSync(join(work, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
log(`results: bench/results/latest.json`);
