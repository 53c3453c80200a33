// The team's own records: notes on people, companies, deals and cases, and tasks (calls to
// make, proposals to send, win-back attempts) — some done, some open, some overdue.
import { notes as noteObject, tasks as taskObject } from '@rapport/core';
import type { RecordValues } from '../../engine/codec.js';
import { fill, MONTHS, NOTES, TASKS } from './phrases.js';
import { DAY, HOUR, iso, weighted } from './random.js';
import { complete, type ChunkRows, type CompanyPlan, type DemoWorld, type PersonPlan } from './records.js';

const PRIORITIES = weighted([['low', 0.2], ['normal', 0.55], ['high', 0.2], ['urgent', 0.05]] as const);

interface Links { personId?: string | null; companyId?: string | null; dealId?: string | null; caseId?: string | null }

function addNote(world: DemoWorld, rows: ChunkRows, at: number, body: string, links: Links): void {
  const { rng, now } = world;
  const createdAt = Math.min(at, now - HOUR);
  const title = body.length > 48 ? `${body.slice(0, 45).replace(/\s+\S*$/, '')}…` : body;
  rows.notes.push(complete(noteObject, rng.id(), createdAt, createdAt, { title, body, isPinned: rng.chance(0.08), ...links }));
}

/**
 * A task created at `at`, due some days later. Tasks due in the past are mostly done — the rest
 * are the overdue ones a team always has; tasks due later are open or in progress.
 */
function addTask(world: DemoWorld, rows: ChunkRows, at: number, title: string, assigneeId: string, links: Links, doneChance = 0.8): void {
  const { rng, now } = world;
  const createdAt = Math.min(at, now - HOUR);
  const dueAt = createdAt + rng.between(1, 14) * DAY;
  let status: string;
  if (dueAt < now) status = rng.chance(doneChance) ? 'done' : rng.chance(0.15) ? 'cancelled' : 'open';
  else status = rng.chance(0.25) ? 'inProgress' : 'open';
  const completedAt = status === 'done' ? Math.min(now, createdAt + rng.next() * (dueAt - createdAt + DAY)) : null;
  const record: RecordValues = {
    title: title.slice(0, 500), status, priority: rng.draw(PRIORITIES), dueAt: iso(dueAt), completedAt: completedAt === null ? null : iso(completedAt), assigneeId, ...links,
  };
  rows.tasks.push(complete(taskObject, rng.id(), createdAt, completedAt ?? createdAt, record));
}

/** Notes and tasks about one person, their deals and their cases. */
export function generateWork(world: DemoWorld, rows: ChunkRows, person: PersonPlan): void {
  const { rng, now } = world;
  const owner = person.ownerId ?? rng.pick(world.users.reps);
  const companyId = person.company?.id ?? null;
  const companyName = (person.company?.values.name as string | undefined) ?? 'their company';
  const slots = { first: person.firstName, company: companyName, month: rng.pick(MONTHS), product: person.favourites[0]?.name ?? 'their plan', deal: '' };
  const about = { personId: person.id, companyId };
  const lastActive = person.orders.length ? person.orders[person.orders.length - 1].at : person.acquiredAt;

  switch (person.archetype) {
    case 'advocate':
      if (rng.chance(0.4)) addNote(world, rows, lastActive + rng.between(1, 20) * DAY, fill(rng.pick(NOTES.advocate), slots), about);
      if (person.referrals > 0) addTask(world, rows, lastActive + DAY, fill(TASKS.account[2], slots), owner, about, 0.9);
      break;
    case 'churned':
      if (rng.chance(0.5)) addNote(world, rows, person.leftAt! + rng.between(30, 90) * DAY, fill(rng.pick(NOTES.churned), slots), about);
      if (rng.chance(0.6)) addTask(world, rows, person.leftAt! + rng.between(60, 150) * DAY, fill(rng.pick(TASKS.churned), slots), owner, about, 0.75);
      break;
    case 'unhappy':
      if (rng.chance(0.5)) addNote(world, rows, lastActive, fill(rng.pick(NOTES.unhappy), slots), about);
      if (rng.chance(0.4)) addTask(world, rows, now - rng.between(1, 120) * DAY, fill(rng.pick(TASKS.unhappy), slots), world.users.manager, about, 0.6);
      break;
    case 'lead':
      if (person.source === 'event' && rng.chance(0.5)) addNote(world, rows, person.acquiredAt + HOUR, fill(NOTES.lead[0], slots), about);
      else if (rng.chance(0.12)) addNote(world, rows, person.acquiredAt + rng.between(1, 30) * DAY, fill(rng.pick(NOTES.lead), slots), about);
      if (person.lifecycleStage !== 'subscriber' && person.lifecycleStage !== 'lead' && rng.chance(0.6)) {
        addTask(world, rows, Math.max(person.acquiredAt, now - rng.between(1, 40) * DAY), fill(rng.pick(TASKS.lead), slots), owner, about, 0.5);
      }
      break;
    default:
      if (person.company && rng.chance(0.15)) addNote(world, rows, person.acquiredAt + rng.between(1, 60) * DAY, fill(rng.pick(NOTES.business), slots), about);
  }
  for (const deal of person.deals) {
    const dealSlots = { ...slots, deal: deal.name };
    const links = { ...about, dealId: deal.id };
    if (rng.chance(0.5)) addNote(world, rows, deal.createdAt + rng.between(1, 10) * DAY, fill(rng.pick(NOTES.deal), dealSlots), links);
    if (deal.status === 'open') addTask(world, rows, now - rng.between(0, 20) * DAY, fill(rng.pick(TASKS.deal), dealSlots), deal.ownerId, links, 0.3);
    else if (rng.chance(0.6)) addTask(world, rows, deal.createdAt + rng.between(2, 20) * DAY, fill(rng.pick(TASKS.deal), dealSlots), deal.ownerId, links, 0.95);
  }
  for (const supportCase of person.cases) {
    const links = { ...about, caseId: supportCase.id };
    if (rng.chance(0.12)) addNote(world, rows, supportCase.openedAt + rng.between(1, 48) * HOUR, rng.pick(NOTES.case), links);
    const isOpen = supportCase.status !== 'resolved' && supportCase.status !== 'closed';
    if (isOpen || rng.chance(0.1)) addTask(world, rows, supportCase.openedAt + HOUR, fill(rng.pick(TASKS.case), slots), rng.pick(world.users.agents), links, isOpen ? 0 : 0.9);
  }
}

/** A note on some companies: what the account team knows about them. */
export function generateCompanyNotes(world: DemoWorld, rows: ChunkRows, companies: CompanyPlan[]): void {
  const { rng } = world;
  for (const company of companies) {
    if (!rng.chance(0.3)) continue;
    const slots = { company: company.values.name as string, month: rng.pick(MONTHS), first: '', product: '', deal: '' };
    addNote(world, rows, company.createdAt + rng.between(1, 90) * DAY, fill(rng.pick(NOTES.business), slots), { companyId: company.id });
  }
}
