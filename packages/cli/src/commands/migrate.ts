import type { Command } from 'commander';
import { withServices } from '../runtime.js';

export function registerMigrateCommand(program: Command) {
  program.command('migrate')
    .description('Bring the database schema up to date (the server also does this at start)')
    .action(() => withServices(async (services) => {
      const ran = await services.database.migrate();
      process.stdout.write(ran.length ? `applied: ${ran.join(', ')}\n` : 'the schema is up to date\n');
    }, { migrate: false }));
}
