// One record into the trash and back (the record page, and each row of the list's bulk action),
// and reading a record that may be in the trash: a plain GET answers 404 for it.
import { ApiProblem, PROBLEM } from '../api/problem';
import { deleteRecord, getRecord, listRecords, quote, restoreRecord } from '../api/records';
import type { RecordValues } from '../api/types';

export type TrashMove = 'delete' | 'restore';

/** Moves the record to the trash or back, refused (409) when it changed since `record.version`. */
export function moveRecord(object: string, record: Pick<RecordValues, 'id' | 'version'>, move: TrashMove): Promise<RecordValues> {
  return move === 'delete' ? deleteRecord(object, record.id, record.version) : restoreRecord(object, record.id, record.version);
}

/** Whether a move was refused because someone changed the record first. */
export function isStaleMove(error: unknown): boolean {
  return error instanceof ApiProblem && error.isConflict && error.type === PROBLEM.versionConflict;
}

/** A record by id, live or in the trash. */
export async function getRecordEvenTrashed(object: string, id: string, signal?: AbortSignal): Promise<RecordValues> {
  try {
    return await getRecord(object, id, signal);
  } catch (error) {
    if (!(error instanceof ApiProblem && error.status === 404)) throw error;
    const trashed = await listRecords(object, { filter: `id = ${quote(id)}`, trashed: true, limit: 1 }, signal);
    if (trashed.data[0]) return trashed.data[0];
    throw error;
  }
}
