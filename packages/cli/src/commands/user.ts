import { randomBytes } from 'node:crypto';
import { BUILT_IN_ROLE_NAMES } from '@rapport/core';
import type { Command } from 'commander';
import { UsageError, withServices } from '../runtime.js';

const ROLES = BUILT_IN_ROLE_NAMES;

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('Manage users');
  user.command('create')
    .description('Create a user and add them to a workspace')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'full name')
    .option('--role <role>', `one of ${ROLES.join(', ')}, or a custom role`, 'salesRep')
    .option('--password <password>', 'initial password (one is generated and printed when omitted)')
    .action((options: { workspace: string; email: string; name: string; role: string; password?: string }) => withServices(async (services) => {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email)) throw new UsageError(`--email: not an email address: ${options.email}`);
      if (options.password !== undefined && options.password.length < 10) throw new UsageError('--password: use at least 10 characters');
      const workspace = await services.workspaces.bySlug(options.workspace);
      if (!workspace) throw new UsageError(`no workspace with slug ${JSON.stringify(options.workspace)}`);
      if (!(await services.access.roleExists(workspace.id, options.role))) throw new UsageError(`--role: expected one of ${ROLES.join(', ')} or a custom role of ${workspace.slug}`);
      const password = options.password ?? randomBytes(12).toString('base64url');
      const created = await services.users.addToWorkspace(workspace.id, { email: options.email, name: options.name, password, role: options.role });
      process.stdout.write(`${created.created ? 'created' : 'added existing'} user ${options.email} (${created.id}) as ${options.role} of ${workspace.slug}\n`);
      if (created.created && options.password === undefined) process.stdout.write(`password: ${password}\n`);
    }));
}
