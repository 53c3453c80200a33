#!/usr/bin/env node
// The `rapport` command.
import { Command } from 'commander';
import { registerAnalyticsCommands } from './commands/analytics.js';
import { registerApiKeyCommands } from './commands/apikey.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommands } from './commands/user.js';
import { registerWorkspaceCommands } from './commands/workspace.js';
import { fail } from './runtime.js';

const program = new Command()
  .name('rapport')
  .description('Rapport, the CRM that measures the relationship. Configuration comes from the environment: DATABASE_URL, PORT, HOST, LOG_LEVEL (see docs/configuration.md).')
  .showHelpAfterError()
  .exitOverride((error) => {
    // commander exits 1 on usage errors; usage errors are 2 here, help and version 0
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

registerServeCommand(program);
registerMigrateCommand(program);
registerDemoCommand(program);
registerWorkspaceCommands(program);
registerApiKeyCommands(program);
registerUserCommands(program);
registerAnalyticsCommands(program);

program.parseAsync(process.argv).catch(fail);
