// The web app's build: React through Vite's own React plugin (oxc), one chunk per route (each
// page is a lazy import), vendor libraries split so that a page loads only what it uses.
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Workspace packages (the filter language of @rapport/core) are bundled from their TypeScript
  // sources, as the tests and the type check read them.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The initial-load budget is checked by test/budget.test.ts on the gzip sizes.
    // The relationship dashboard's chunk carries tree-shaken ECharts (about 620 kB minified,
    // 200 kB gzip), loaded only when that page opens.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npm run dev -w @rapport/web` next to a server on :3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
