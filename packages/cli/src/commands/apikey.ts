import { isScope } from '@rapport/core';
import type { Command } from 'commander';
import { UsageError, withServices } from '../runtime.js';

export function registerApiKeyCommands(program: Command) {
  const apikey = program.command('apikey').description('Manage API keys');
  apikey.command('create')
    .description('Create an API key; the key is printed once, alone on the last line')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--expires <date>', 'expiry, an ISO 8601 date or date-time')
    .option('--role <role>', 'the role the key acts with (built-in or custom)', 'admin')
    .option('--scopes <scopes>', 'comma-separated scopes narrowing the role: read:people, write:deals, read:*, admin')
    .action((options: { workspace: string; name: string; expires?: string; role: string; scopes?: string }) => withServices(async (services) => {
      const workspace = await services.workspaces.bySlug(options.workspace);
      if (!workspace) throw new UsageError(`no workspace with slug ${JSON.stringify(options.workspace)}`);
      const expiresAt = options.expires ? new Date(options.expires) : undefined;
      if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new UsageError(`--expires: not a date: ${options.expires}`);
      if (!(await services.access.roleExists(workspace.id, options.role))) throw new UsageError(`--role: no role named ${options.role} in ${workspace.slug}`);
      const scopes = options.scopes?.split(',').map((scope) => scope.trim()).filter(Boolean);
      const bad = scopes?.filter((scope) => !isScope(scope)) ?? [];
      if (bad.length) throw new UsageError(`--scopes: not scopes: ${bad.join(', ')} (expected read:<object>, write:<object>, read:*, write:* or admin)`);
      const { id, key } = await services.apiKeys.create(workspace.id, { name: options.name, role: options.role, scopes, expiresAt: expiresAt?.toISOString() }, { actor: 'system' });
      process.stderr.write(`API key ${options.name} (${id}) for workspace ${workspace.slug}; store it now, it is not shown again:\n`);
      process.stdout.write(`${key}\n`);
    }));
}
