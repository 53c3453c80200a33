// Every test app logs its requests (pino, level info) to one file per test process; after the run,
// global teardown scans them all for secrets: no password, API key, session, reset or invitation
// token may ever be written to a log.
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOG_DIR = fileURLToPath(new URL('../../../../.test-output/server-logs/', import.meta.url));
/** Every password the suite signs in with. */
export const TEST_PASSWORDS = ['correct horse battery staple', 'a brand new passphrase', 'a wrong password here', 'a new passphrase!'];
const TOKEN = /\brp[kspri]_[A-Za-z0-9_-]{20,}/;

let stream: WriteStream | undefined;

/** This process's log file, shared by the apps it starts. */
export function serverLog(): WriteStream {
  if (!stream) {
    mkdirSync(LOG_DIR, { recursive: true });
    stream = createWriteStream(join(LOG_DIR, `${process.pid}.log`), { flags: 'a' });
  }
  return stream;
}

export function clearServerLogs(): void {
  rmSync(LOG_DIR, { recursive: true, force: true });
}

/** Lines of the suite's server logs that hold a secret; empty when there are none. */
export function secretsInServerLogs(): { lines: number; leaks: string[] } {
  let lines = 0;
  const leaks: string[] = [];
  if (!existsSync(LOG_DIR)) return { lines, leaks };
  for (const file of readdirSync(LOG_DIR, { withFileTypes: true }).filter((entry) => entry.isFile())) {
    for (const line of readFileSync(join(LOG_DIR, file.name), 'utf8').split('\n')) {
      if (!line) continue;
      lines++;
      if (TOKEN.test(line) || TEST_PASSWORDS.some((password) => line.includes(password))) leaks.push(line.slice(0, 300));
    }
  }
  return { lines, leaks };
}
