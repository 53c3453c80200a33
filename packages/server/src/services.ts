// The services of one Rapport process, wired once: the engine with every module's hooks, and
// the module services routes and the CLI call.
import type { Database } from './db/database.js';
import { RecordEngine } from './engine/engine.js';
import { ApiKeyService } from './modules/auth/api-keys.js';
import { UserService } from './modules/auth/users.js';
import { caseHooks } from './modules/cases/hooks.js';
import { dealHooks } from './modules/deals/hooks.js';
import { DealService } from './modules/deals/service.js';
import { MetadataService } from './modules/metadata/service.js';
import { DefinitionRegistry } from './modules/metadata/registry.js';
import { orderHooks } from './modules/orders/hooks.js';
import { peopleHooks } from './modules/people/hooks.js';
import { surveyHooks } from './modules/surveys/hooks.js';
import { taskHooks } from './modules/tasks/hooks.js';
import { TimelineService } from './modules/timeline/service.js';
import { WorkspaceService } from './modules/workspaces/service.js';

export interface Services {
  database: Database;
  engine: RecordEngine;
  registry: DefinitionRegistry;
  workspaces: WorkspaceService;
  apiKeys: ApiKeyService;
  users: UserService;
  metadata: MetadataService;
  deals: DealService;
  timeline: TimelineService;
}

export function createServices(database: Database): Services {
  const engine = new RecordEngine();
  engine.hooks.register('people', peopleHooks);
  engine.hooks.register('deals', dealHooks);
  engine.hooks.register('orders', orderHooks);
  engine.hooks.register('cases', caseHooks);
  engine.hooks.register('tasks', taskHooks);
  engine.hooks.register('surveyResponses', surveyHooks);
  const registry = new DefinitionRegistry();
  return {
    database,
    engine,
    registry,
    workspaces: new WorkspaceService(database, registry, engine),
    apiKeys: new ApiKeyService(database),
    users: new UserService(database),
    metadata: new MetadataService(registry),
    deals: new DealService(engine),
    timeline: new TimelineService(engine),
  };
}
