import { defineConfig } from 'vitest/config';

// One configuration for every package. Workspace packages resolve to their TypeScript sources
// (the `source` export condition), so tests need no build.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    globalSetup: ['packages/server/test/global-setup.ts'],
    testTimeout: 30_000,
    // Browser tests poll the page; on a loaded 2-core machine a second is not always enough.
    expect: { poll: { timeout: 8_000 } },
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
