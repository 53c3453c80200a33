// The services of one Rapport process, wired once: the engine with every module's hooks, and
// the module services routes and the CLI call.
import type { Database } from './db/database.js';
import { RecordEngine } from './engine/engine.js';
import { JobWorker } from './engine/jobs.js';
import { AccessService } from './modules/access/service.js';
import { analyticsHooks } from './modules/analytics/hooks.js';
import { sentimentHooks } from './modules/analytics/sentiment.js';
import { registerAnalyticsJobs } from './modules/analytics/jobs.js';
import { AnalyticsService } from './modules/analytics/service.js';
import { ReportSnapshots, type SnapshotPolicy } from './modules/analytics/snapshots.js';
import { MetricsStore } from './modules/analytics/store.js';
import { auditHooks } from './modules/audit/hooks.js';
import { AuditService } from './modules/audit/service.js';
import { ApiKeyService } from './modules/auth/api-keys.js';
import { InvitationService } from './modules/auth/invitations.js';
import { PasswordResetService } from './modules/auth/password-reset.js';
import { AuthService } from './modules/auth/service.js';
import { SessionService } from './modules/auth/sessions.js';
import { TwoFactorService } from './modules/auth/two-factor.js';
import { UserService } from './modules/auth/users.js';
import { Mailer } from './modules/mail/mailer.js';
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
import { ViewService } from './modules/views/service.js';
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
  /** Saved views of list pages, personal and shared. */
  views: ViewService;
  audit: AuditService;
  analytics: AnalyticsService;
  /** Whole-workspace reports answered from their last computation, refreshed in the background. */
  snapshots: ReportSnapshots;
  /** Computed per-customer metrics: recompute, refit, read. */
  metrics: MetricsStore;
  /** Runs the outbox's jobs; `start()` it in a serving process, or `drain()` it. */
  jobs: JobWorker;
  access: AccessService;
  sessions: SessionService;
  twoFactor: TwoFactorService;
  auth: AuthService;
  passwordReset: PasswordResetService;
  invitations: InvitationService;
  mailer: Mailer;
  options: Required<Omit<ServiceOptions, 'smtpUrl'>> & Pick<ServiceOptions, 'smtpUrl'>;
}

export interface ServiceOptions {
  /** The origin people reach this server at (links in emails, CSRF origin check). */
  publicUrl?: string;
  cookieSecure?: boolean;
  smtpUrl?: string;
  mailFrom?: string;
  /** The clock metrics are computed at (tests fix it); report snapshots age by it too. */
  now?: () => Date;
  /** When a whole-workspace report is answered from its snapshot (defaults in `snapshots.ts`). */
  reportSnapshots?: Partial<SnapshotPolicy>;
}

export function createServices(database: Database, given: ServiceOptions = {}): Services {
  const options = { publicUrl: given.publicUrl ?? 'http://127.0.0.1:3000', cookieSecure: given.cookieSecure ?? false, smtpUrl: given.smtpUrl, mailFrom: given.mailFrom ?? 'Rapport <no-reply@rapport.invalid>', now: given.now ?? (() => new Date()), reportSnapshots: given.reportSnapshots ?? {} };
  const engine = new RecordEngine();
  engine.hooks.register('people', peopleHooks);
  engine.hooks.register('deals', dealHooks);
  engine.hooks.register('orders', orderHooks);
  engine.hooks.register('cases', caseHooks);
  engine.hooks.register('tasks', taskHooks);
  engine.hooks.register('surveyResponses', surveyHooks);
  const registry = new DefinitionRegistry();
  const workspaces = new WorkspaceService(database, registry, engine);
  const audit = new AuditService(database);
  engine.hooks.register('*', auditHooks(audit));
  for (const [object, hooks] of Object.entries(sentimentHooks)) engine.hooks.register(object, hooks);
  for (const [object, hooks] of Object.entries(analyticsHooks)) engine.hooks.register(object, hooks);
  const metrics = new MetricsStore(options.now);
  const analytics = new AnalyticsService();
  const snapshots = new ReportSnapshots(analytics, options.reportSnapshots, options.now);
  const jobs = new JobWorker(database);
  registerAnalyticsJobs(jobs, workspaces, metrics, snapshots);
  const access = new AccessService(database, audit);
  const users = new UserService(database);
  const sessions = new SessionService(database);
  const twoFactor = new TwoFactorService(users);
  const mailer = new Mailer({ smtpUrl: options.smtpUrl, from: options.mailFrom });
  return {
    database,
    engine,
    registry,
    workspaces,
    apiKeys: new ApiKeyService(database, audit),
    users,
    audit,
    analytics,
    snapshots,
    metrics,
    jobs,
    access,
    sessions,
    twoFactor,
    mailer,
    options,
    auth: new AuthService(users, sessions, twoFactor, workspaces, audit),
    passwordReset: new PasswordResetService(database, users, sessions, mailer, audit, options.publicUrl),
    invitations: new InvitationService(database, users, access, mailer, audit, options.publicUrl),
    metadata: new MetadataService(registry),
    deals: new DealService(engine),
    timeline: new TimelineService(engine),
    views: new ViewService(),
  };
}
