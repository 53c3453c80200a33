// The `rapport` command, run as a user runs it: a child process with its environment.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

/** The built command (`npm test` brings the build up to date first). */
const main = join(dirname(fileURLToPath(import.meta.url)), '../dist/main.js');
const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, LOG_LEVEL: 'warn' };

function rapport(args: string[], extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [main, ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, lastLine: result.stdout.trim().split('\n').pop() ?? '' };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the rapport command', { timeout: 120_000 }, () => {
  it('explains every command with --help', () => {
    for (const command of [[], ['serve'], ['migrate'], ['demo'], ['workspace', 'create'], ['apikey', 'create'], ['user', 'create']]) {
      const result = rapport([...command, '--help']);
      expect(result.code, command.join(' ')).toBe(0);
      expect(result.stdout).toMatch(/Usage: rapport/);
    }
  });

  it('stops with one line and exit code 2 on bad configuration or usage', () => {
    const badPort = rapport(['migrate'], { PORT: 'eighty' });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr.trim()).toBe('rapport: PORT: expected an integer from 0 to 65535, got "eighty"');
    expect(rapport(['apikey', 'create', '--workspace', 'nowhere', '--name', 'x']).code).toBe(2);
    expect(rapport(['frobnicate']).code).toBe(2);
    const badThreads = rapport(['analytics', 'recompute', '--workspace', 'acme', '--threads', 'many']);
    expect(badThreads.code).toBe(2);
    expect(badThreads.stderr).toContain('--threads <n>\' argument \'many\' is invalid. expected a whole number from 0 to 64, got "many"');
  });

  it('migrates, creates a workspace, a user and an API key (the key alone on the last line)', () => {
    expect(rapport(['migrate']).stdout).toMatch(/applied: 0001-initial|up to date/);
    expect(rapport(['migrate']).stdout).toMatch(/up to date/);
    expect(rapport(['workspace', 'create', '--slug', 'acme', '--name', 'Acme']).code).toBe(0);
    const user = rapport(['user', 'create', '--workspace', 'acme', '--email', 'ann@acme.example', '--name', 'Ann', '--role', 'admin']);
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/password: \S{12,}/);
    const key = rapport(['apikey', 'create', '--workspace', 'acme', '--name', 'ci']);
    expect(key.code).toBe(0);
    expect(key.lastLine).toMatch(/^rpk_[A-Za-z0-9_-]{43}$/);
    expect(rapport(['user', 'create', '--workspace', 'acme', '--email', 'x@acme.example', '--name', 'X', '--role', 'pope']).code).toBe(2);
  });

  it("recomputes a workspace's analytics and stores its dashboard's reports", () => {
    const result = rapport(['analytics', 'recompute', '--workspace', 'acme']);
    expect(result.code).toBe(0);
    expect(result.lastLine).toMatch(/^metrics of 0 people and 0 companies and the dashboard reports in [\d.]+ s \(the reports took [\d.]+ s of it\)$/);
    const db = new Database(join(dir, 'cli.db'), { readonly: true });
    try {
      const stored = db.prepare("select s.report from analytics_snapshots s join workspaces w on w.id = s.workspace_id where w.slug = 'acme' order by s.report").all();
      expect(stored.map((row) => (row as { report: string }).report)).toEqual(['loyalty', 'profitability', 'retention', 'satisfaction']);
    } finally {
      db.close();
    }
  });

  it('serves the API on the configured port and stops cleanly', async () => {
    const key = rapport(['apikey', 'create', '--workspace', 'acme', '--name', 'serve']).lastLine;
    const child = spawn(process.execPath, [main, 'serve'], { env: { ...env, PORT: '0' } });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 60_000);
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /Rapport is running at (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const response = await fetch(`${url}/api/v1/objects/people`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});
