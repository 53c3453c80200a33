import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { generateDemo, peopleForSize, type DemoSize, type Services } from '@rapport/server';
import { UsageError, withServices } from '../runtime.js';
import { recomputeMetrics } from './analytics.js';

function parseSize(text: string): DemoSize {
  if (text === 'small' || text === 'medium' || text === 'large') return text;
  if (/^\d+$/.test(text) && Number(text) > 0) return Number(text);
  throw new UsageError(`--size: expected small, medium, large or a number of people, got ${JSON.stringify(text)}`);
}

/** Generates demo data into an existing workspace with a progress bar; returns a one-line summary. */
export async function loadDemo(services: Services, slug: string, size: DemoSize, seed: number, options: { metrics?: boolean } = {}): Promise<string> {
  const ctx = await services.workspaces.contextForSlug(slug, 'system');
  const bar = new SingleBar({ format: ' {phase} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  bar.start(peopleForSize(size), 0, { phase: 'people' });
  try {
    const summary = await generateDemo(services, ctx, {
      size, seed,
      onProgress: ({ phase, done, total }) => {
        bar.setTotal(total);
        bar.update(done, { phase });
      },
    });
    bar.stop();
    const rows = Object.values(summary.counts).reduce((sum, n) => sum + n, 0);
    const loaded = `${summary.people.toLocaleString('en')} people and ${rows.toLocaleString('en')} records in ${summary.seconds.toFixed(1)} s`;
    return options.metrics === false ? loaded : `${loaded}; ${await recomputeMetrics(services, ctx, { refit: true })}`;
  } catch (error) {
    bar.stop();
    throw error;
  }
}

export function registerDemoCommand(program: Command) {
  program.command('demo')
    .description('Fill a workspace with realistic demo data (created if missing); deterministic for a seed')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--size <size>', 'small (1,000 people), medium (100,000), large (1,000,000) or a number of people', 'small')
    .option('--seed <n>', 'random seed', '1')
    .option('--no-metrics', 'skip computing the analytics metrics afterwards (`rapport analytics recompute` does it later)')
    .action((options: { workspace: string; size: string; seed: string; metrics: boolean }) => withServices(async (services) => {
      const size = parseSize(options.size);
      if (!/^\d+$/.test(options.seed)) throw new UsageError('--seed: expected a whole number');
      const existing = await services.workspaces.bySlug(options.workspace);
      if (!existing) await services.workspaces.create({ slug: options.workspace, name: options.workspace, defaultCurrency: 'EUR' });
      else {
        const ctx = await services.workspaces.contextFor(existing, 'system');
        const { data } = await services.engine.list(ctx, 'people', { limit: 1 });
        if (data.length) throw new UsageError(`workspace ${options.workspace} already holds people; demo data goes into a new or empty workspace`);
      }
      const started = process.hrtime.bigint();
      const summary = await loadDemo(services, options.workspace, size, Number(options.seed), { metrics: options.metrics });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stdout.write(`demo data for ${options.workspace}: ${summary} (${seconds.toFixed(1)} s in all)\n`);
    }));
}
