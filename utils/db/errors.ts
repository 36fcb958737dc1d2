// Why the browser's database refused, in words a rep can act on. Dexie wraps the browser's errors: a full disk
// arrives as a QuotaExceededError, or as an AbortError (the transaction aborted at commit) whose `inner` is one,
// sometimes inside a BulkError's failures; a page whose database a newer Kept closed gets DatabaseClosedError.
import { i18n } from '#i18n';
import type { Problem } from '../schemas';
import { db, type KeptDB } from './index';

/** What went wrong with the database, for code that must decide (keep the draft, mark the page outdated). */
export type StorageTrouble = 'full' | 'outdated' | 'upgrade-blocked' | 'closed' | 'unavailable';

// Read once, when the module loads: the browser's language does not change while Kept runs.

/** What the rep can do about a full disk. */
export const FREE_SPACE = i18n.t('storage.freeSpace');

export const STORAGE_MESSAGES: Record<StorageTrouble, string> = {
  full: `${i18n.t('storage.full')} ${FREE_SPACE}`,
  outdated: i18n.t('storage.outdated'),
  'upgrade-blocked': i18n.t('storage.upgradeBlocked'),
  closed: i18n.t('storage.closed'),
  unavailable: i18n.t('storage.unavailable'),
};

interface Wrapped {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  failures?: unknown;
}

/** The error and everything it wraps (Dexie's `inner`, a BulkError's `failures`), bounded against cycles. */
function chain(error: unknown): Wrapped[] {
  const seen: Wrapped[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.length < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.includes(next as Wrapped)) continue;
    const wrapped = next as Wrapped;
    seen.push(wrapped);
    queue.push(wrapped.inner);
    if (Array.isArray(wrapped.failures)) queue.push(...wrapped.failures.slice(0, 5));
  }
  return seen;
}

const nameOf = (e: Wrapped) => (typeof e.name === 'string' ? e.name : '');
const messageOf = (e: Wrapped) => (typeof e.message === 'string' ? e.message : '');

/**
 * The kind of database trouble behind `error`, or null when it is not one (a bug, a network error). `database` says
 * why it was closed: a newer Kept took it over (the usual reason in a page), or another page deleted it.
 */
export function storageTroubleOf(error: unknown, database: Pick<KeptDB, 'state'> = db): StorageTrouble | null {
  const errors = chain(error);
  const names = errors.map(nameOf);
  // Chrome names it QuotaExceededError; Firefox has also reported NS_ERROR_DOM_QUOTA_REACHED and "quota" messages.
  if (names.some((n) => n === 'QuotaExceededError' || n === 'NS_ERROR_DOM_QUOTA_REACHED')) return 'full';
  if (errors.some((e) => /quota/i.test(messageOf(e)))) return 'full';
  if (names.includes('DatabaseClosedError') || names.includes('VersionChangeError')) {
    return database.state === 'deleted' ? 'closed' : 'outdated';
  }
  if (names.some((n) => n === 'MissingAPIError' || n === 'OpenFailedError')) {
    return 'unavailable';
  }
  return null;
}

/** A database failure as a Problem the panel can show, or null when `error` is not one. */
export function storageProblemOf(error: unknown, database: Pick<KeptDB, 'state'> = db): Problem | null {
  const trouble = storageTroubleOf(error, database);
  return trouble ? { kind: 'storage', message: STORAGE_MESSAGES[trouble] } : null;
}

/** Any error as one readable sentence: a database failure in the rep's words, anything else as it says. */
export function readableError(error: unknown, database: Pick<KeptDB, 'state'> = db): string {
  const trouble = storageTroubleOf(error, database);
  if (trouble) return STORAGE_MESSAGES[trouble];
  if (error instanceof Error) return error.message;
  return String(error);
}
