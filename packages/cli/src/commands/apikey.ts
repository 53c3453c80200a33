import type { Command } from 'commander';
import { UsageError, withServices } from '../runtime.js';

export function registerApiKeyCommands(program: Command) {
  const apikey = program.command('apikey').description('Manage API keys');
  apikey.command('create')
    .description('Create an API key; the key is printed once, alone on the last line')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--expires <date>', 'expiry, an ISO 8601 date or date-time')
    .action((options: { workspace: string; name: string; expires?: string }) => withServices(async (services) => {
      const workspace = await services.workspaces.bySlug(options.workspace);
      if (!workspace) throw new UsageError(`no workspace with slug ${JSON.stringify(options.workspace)}`);
      const expiresAt = options.expires ? new Date(options.expires) : undefined;
      if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new UsageError(`--expires: not a date: ${options.expires}`);
      const { id, key } = await services.apiKeys.create(workspace.id, options.name, 'cli', expiresAt?.toISOString());
      process.stderr.write(`API key ${options.name} (${id}) for workspace ${workspace.slug}; store it now, it is not shown again:\n`);
      process.stdout.write(`${key}\n`);
    }));
}
