// Sync failures as the user should hear them: one plain sentence each, never
// a status code, an address with a password, or a stack trace.
import { toStorageError } from '../database';

export const REVOKED_MESSAGE = "This tablet's network access was withdrawn by the network administrator. Its log stays on this tablet; ask the administrator to enrol it again.";

export function isAccessRefusal(error: unknown): boolean {
  const record = (error ?? {}) as { status?: unknown; name?: unknown };
  const name = typeof record.name === 'string' ? record.name.toLowerCase() : '';
  return record.status === 401 || record.status === 403 || name === 'unauthorized' || name === 'forbidden';
}

export function isStorageFull(error: unknown): boolean {
  const record = (error ?? {}) as { name?: unknown; message?: unknown; reason?: unknown };
  if (toStorageError(error).kind === 'quota') return true;
  return [record.name, record.message, record.reason].some((part) => typeof part === 'string' && /quota/i.test(part));
}

export function waitingWords(waiting: number): string {
  return waiting === 1 ? '1 event waits to be sent' : `${waiting} events wait to be sent`;
}

export function unreachableMessage(online: boolean, waiting: number): string {
  const kept = waiting > 0 ? ` ${waitingWords(waiting)}; they are kept on this tablet and go as soon as the server answers.` : ' Nothing is lost; sync starts again by itself.';
  return online
    ? `The network server cannot be reached just now.${kept}`
    : `This tablet is offline.${kept}`;
}

export const STORAGE_FULL_MESSAGE = 'This tablet is out of storage space, so records could not be prepared for sending or received. Everything already in the log is safe. Free some space; sync carries on by itself.';

export function deniedMessage(count: number): string {
  return `The network server refused ${count === 1 ? '1 record' : `${count} records`} from this tablet (not allowed for this device). They are kept on this tablet; tell the network administrator.`;
}
