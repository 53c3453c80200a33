import { InvalidArgumentError, type Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import type { RequestContext, Services } from '@rapport/server';
import { withServices } from '../runtime.js';

/**
 * Refits the workspace's models (unless told not to), recomputes every customer's metrics with a
 * progress bar, and stores the dashboard's whole-workspace reports — computed while the worker
 * threads score, since they read none of the metrics.
 */
export async function recomputeMetrics(services: Services, ctx: RequestContext, options: { refit: boolean; threads?: number }): Promise<string> {
  const started = process.hrtime.bigint();
  const bar = new SingleBar({ format: ' metrics: {phase} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  bar.start(1, 0, { phase: options.refit ? 'fit' : 'people' });
  let reportSeconds = 0;
  try {
    const totals = await services.metrics.recomputeAll(ctx, {
      refit: options.refit,
      threads: options.threads,
      onProgress: ({ phase, done, total }) => {
        bar.setTotal(total);
        bar.update(done, { phase });
      },
      alongside: async () => {
        const reportsStarted = process.hrtime.bigint();
        await services.snapshots.fill(ctx);
        reportSeconds = Number(process.hrtime.bigint() - reportsStarted) / 1e9;
      },
    });
    bar.stop();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return `metrics of ${totals.people.toLocaleString('en')} people and ${totals.companies.toLocaleString('en')} companies and the dashboard reports in ${seconds.toFixed(1)} s (the reports took ${reportSeconds.toFixed(1)} s of it)`;
  } catch (error) {
    bar.stop();
    throw error;
  }
}

function parseThreads(text: string): number {
  const threads = Number(text);
  if (!Number.isInteger(threads) || threads < 0 || threads > 64) throw new InvalidArgumentError(`expected a whole number from 0 to 64, got ${JSON.stringify(text)}`);
  return threads;
}

export function registerAnalyticsCommands(program: Command) {
  const analytics = program.command('analytics').description('Relationship analytics: computed per-customer metrics and their models');
  analytics.command('recompute')
    .description('Refit the models (RFM cut points, BG/NBD, Gamma-Gamma), recompute every person\'s and company\'s metrics and store the dashboard\'s reports')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--no-refit', 'keep the fitted models; recompute the metrics only')
    .option('--threads <n>', 'worker threads that score customers while this one reads and writes (default: every core but one from 20,000 people; 0: none)', parseThreads)
    .action((options: { workspace: string; refit: boolean; threads?: number }) => withServices(async (services) => {
      const ctx = await services.workspaces.contextForSlug(options.workspace, 'system');
      process.stdout.write(`${await recomputeMetrics(services, ctx, { refit: options.refit, threads: options.threads })}\n`);
    }));
}
