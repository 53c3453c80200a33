import type { Command } from 'commander';
import { withServices } from '../runtime.js';

export function registerWorkspaceCommands(program: Command) {
  const workspace = program.command('workspace').description('Manage workspaces (tenants)');
  workspace.command('create')
    .description('Create a workspace with the default sales pipeline')
    .requiredOption('--slug <slug>', 'short name: lower-case letters, digits and hyphens')
    .requiredOption('--name <name>', 'display name')
    .option('--currency <code>', 'default ISO 4217 currency', 'EUR')
    .action((options: { slug: string; name: string; currency: string }) => withServices(async (services) => {
      const created = await services.workspaces.create({ slug: options.slug, name: options.name, defaultCurrency: options.currency });
      process.stdout.write(`created workspace ${created.slug} (${created.id})\n`);
    }));
}
