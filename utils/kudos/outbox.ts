// The kudos outbox: a kudos is saved before anything is sent, each delivery attempt runs under a lease so two
// wake-ups of the service worker never send the same kudos at once, and every kudos ends sent or visibly failed.
import { db, type KeptDB } from '../db';
import { type DeliveryTarget, Kudos, type OutboxEntry } from '../schemas';
import { duration } from '../time';
import { GIVE_UP_AFTER_MS, MAX_RETRY_MS, nextAttemptAt } from './backoff';
import type { DeliveryOutcome } from './delivery';

/** How long one attempt may hold its entry; longer than any attempt takes (the request times out after 20 s). */
export const LEASE_MS = 120_000;
const MAX_DETAIL = 1000;

const detail = (reason: string): string =>
  reason.length <= MAX_DETAIL ? reason : `${reason.slice(0, MAX_DETAIL - 1)}…`;

function newLeaseToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The kudos without what belongs to a past delivery state. */
function withoutState(kudos: Kudos): Omit<Kudos, 'state' | 'stateDetail' | 'nextAttemptAt' | 'sentAt'> {
  const { state: _state, stateDetail: _detail, nextAttemptAt: _next, sentAt: _sent, ...rest } = kudos;
  return rest;
}

/** The entry without its lease. */
function released(entry: OutboxEntry): OutboxEntry {
  const { leaseUntil: _until, leaseToken: _token, ...rest } = entry;
  return rest;
}

const freshEntry = (kudosId: string, now: number): OutboxEntry => ({
  kudosId,
  attempts: 0,
  firstAttemptAt: now,
  nextAttemptAt: now,
});

/**
 * Saves a new kudos and, unless it stays in Kept, its outbox entry, in one transaction: either both rows exist or
 * neither. Nothing is sent here; the caller runs `processOutbox` next. A second kudos with the same id is refused.
 */
export async function enqueueKudos(
  kudos: Omit<Kudos, 'state'>,
  targetKind: DeliveryTarget['kind'],
  now: number,
  database: KeptDB = db,
): Promise<Kudos> {
  const local = targetKind === 'kept';
  const saved = Kudos.parse({ ...withoutState({ ...kudos, state: 'queued' }), state: local ? 'local' : 'queued' });
  await database.transaction('rw', database.kudos, database.outbox, async () => {
    await database.kudos.add(saved);
    if (!local) await database.outbox.add(freshEntry(saved.id, now));
  });
  return saved;
}

export interface OutboxDeps {
  now: () => number;
  /** One attempt for one kudos (the background binds the target and context); see `deliver` in ./delivery.ts. */
  deliver: (kudos: Kudos) => Promise<DeliveryOutcome>;
  database?: KeptDB;
  /** Default `LEASE_MS`. */
  leaseMs?: number;
  /** For the backoff's jitter. */
  random?: () => number;
  /** Attempts made at the same time (default 1: one after the other, kind to Slack's 1 message/s). */
  concurrency?: number;
}

export interface OutboxRun {
  sent: number;
  retrying: number;
  failed: number;
  /** The earliest moment an entry left in the outbox is due (or its lease ends); null when the outbox is empty. */
  nextDueAt: number | null;
}

type Result = 'sent' | 'retrying' | 'failed';

// Kept never schedules an attempt more than MAX_RETRY_MS ahead, nor a lease longer than its length: a time further
// ahead than that means the computer's clock was set back since, and waiting for it would park a kudos for as long.

/** Whether the entry's next attempt is due: its time has come, or it lies further ahead than Kept ever schedules. */
const isDue = (entry: OutboxEntry, now: number): boolean =>
  entry.nextAttemptAt <= now || entry.nextAttemptAt > now + MAX_RETRY_MS;

/** Whether another run holds the entry: its lease has not ended, and ends no further ahead than a lease lasts. */
const isLeased = (entry: OutboxEntry, now: number, leaseMs: number): boolean => {
  const until = entry.leaseUntil ?? 0;
  return until > now && until <= now + leaseMs;
};

/** Takes the entry for this run, or answers null when it is gone, not due, or leased by another run. */
function takeLease(
  database: KeptDB,
  kudosId: string,
  now: number,
  leaseMs: number,
): Promise<{ kudos: Kudos; token: string } | null> {
  return database.transaction('rw', database.kudos, database.outbox, async () => {
    const entry = await database.outbox.get(kudosId);
    if (!entry || !isDue(entry, now) || isLeased(entry, now, leaseMs)) return null;
    const kudos = await database.kudos.get(kudosId);
    if (!kudos || kudos.state === 'sent') {
      // Deleted (or already sent) meanwhile: nothing left to deliver.
      await database.outbox.delete(kudosId);
      return null;
    }
    const token = newLeaseToken();
    await database.outbox.put({ ...entry, leaseUntil: now + leaseMs, leaseToken: token });
    return { kudos, token };
  });
}

/** Records what the attempt came to, if this run still holds the lease. */
function applyOutcome(
  database: KeptDB,
  kudosId: string,
  token: string,
  outcome: DeliveryOutcome,
  now: number,
  random: () => number,
): Promise<Result | null> {
  return database.transaction('rw', database.kudos, database.outbox, async (): Promise<Result | null> => {
    const entry = await database.outbox.get(kudosId);
    // Gone (the rep deleted the kudos) or taken over by another run after our lease ran out: theirs to record.
    if (!entry || entry.leaseToken !== token) return null;
    const kudos = await database.kudos.get(kudosId);
    if (!kudos) {
      await database.outbox.delete(kudosId);
      return null;
    }
    if (outcome.kind === 'sent') {
      await database.kudos.put({ ...withoutState(kudos), state: 'sent', sentAt: now });
      await database.outbox.delete(kudosId);
      return 'sent';
    }
    let reason = outcome.reason;
    if (outcome.kind === 'retry') {
      const attempts = entry.attempts + 1;
      const at = nextAttemptAt(now, attempts, entry.firstAttemptAt, outcome.retryAfterMs, random);
      if (at !== null) {
        await database.outbox.put({ ...released(entry), attempts, nextAttemptAt: at, lastError: detail(reason) });
        await database.kudos.put({
          ...withoutState(kudos),
          state: 'retrying',
          stateDetail: detail(reason),
          nextAttemptAt: at,
        });
        return 'retrying';
      }
      const hours = Math.round(GIVE_UP_AFTER_MS / 3_600_000);
      reason = `Not delivered after ${attempts} attempts over ${duration(hours, 'hour')}. Last attempt: ${outcome.reason}`;
    }
    await database.kudos.put({ ...withoutState(kudos), state: 'failed', stateDetail: detail(reason) });
    await database.outbox.delete(kudosId);
    return 'failed';
  });
}

async function attempt(database: KeptDB, kudosId: string, deps: OutboxDeps): Promise<Result | null> {
  const lease = await takeLease(database, kudosId, deps.now(), deps.leaseMs ?? LEASE_MS);
  if (!lease) return null;
  let outcome: DeliveryOutcome;
  try {
    outcome = await deps.deliver(lease.kudos);
  } catch (error) {
    // `deliver` answers every failure as an outcome, so this is a bug; the kudos stays and is tried again.
    console.error('[Kept] Delivering a kudos failed unexpectedly', error);
    outcome = { kind: 'retry', reason: 'Kept hit an unexpected error while sending. It will try again.' };
  }
  return applyOutcome(database, kudosId, lease.token, outcome, deps.now(), deps.random ?? Math.random);
}

async function earliestDue(database: KeptDB, now: number, leaseMs: number): Promise<number | null> {
  let earliest: number | null = null;
  await database.outbox.each((entry) => {
    const dueAt = isDue(entry, now) ? Math.min(entry.nextAttemptAt, now) : entry.nextAttemptAt;
    const at = isLeased(entry, now, leaseMs) ? Math.max(dueAt, entry.leaseUntil ?? 0) : dueAt;
    if (earliest === null || at < earliest) earliest = at;
  });
  return earliest;
}

/**
 * Makes one attempt for every entry due now, oldest due first, and answers what happened and when to run again
 * (for the alarm). Safe to run twice at once: each attempt first takes a lease in its own transaction, so a kudos
 * is never sent by two runs together; a run that crashed holds its lease only until `leaseMs` has passed.
 */
export async function processOutbox(deps: OutboxDeps): Promise<OutboxRun> {
  const database = deps.database ?? db;
  const now = deps.now();
  const due = (await database.outbox
    .where('nextAttemptAt')
    .belowOrEqual(now)
    .or('nextAttemptAt')
    .above(now + MAX_RETRY_MS)
    .primaryKeys()) as string[];
  const counts = { sent: 0, retrying: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const kudosId = due[next++];
      if (kudosId === undefined) break;
      const result = await attempt(database, kudosId, deps);
      if (result) counts[result]++;
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(deps.concurrency ?? 1), due.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return { ...counts, nextDueAt: await earliestDue(database, deps.now(), deps.leaseMs ?? LEASE_MS) };
}

/**
 * The rep's Retry. A failed kudos is queued again with a fresh entry (a new 24 h window); one still waiting for its
 * next attempt has that attempt brought forward to now. Sent and Kept-only kudos are left alone.
 */
export async function retryKudos(id: string, now: number, database: KeptDB = db): Promise<void> {
  await database.transaction('rw', database.kudos, database.outbox, async () => {
    const kudos = await database.kudos.get(id);
    if (!kudos || kudos.state === 'sent' || kudos.state === 'local') return;
    const entry = await database.outbox.get(id);
    if (kudos.state === 'failed' || !entry) {
      // The rep's Retry sends it to the channel in force now, if that changed since it was written.
      const { channel: _writtenFor, ...retried } = withoutState(kudos);
      await database.outbox.put(freshEntry(id, now));
      await database.kudos.put({ ...retried, state: 'queued' });
    } else if (!isLeased(entry, now, LEASE_MS) && entry.nextAttemptAt > now) {
      await database.outbox.put({ ...entry, nextAttemptAt: now });
      if (kudos.state === 'retrying') await database.kudos.put({ ...kudos, nextAttemptAt: now });
    }
  });
}

/** Deletes a kudos and anything still to send for it. An attempt already under way is not recorded. */
export async function deleteKudos(id: string, database: KeptDB = db): Promise<void> {
  await database.transaction('rw', database.kudos, database.outbox, async () => {
    await database.kudos.delete(id);
    await database.outbox.delete(id);
  });
}

/** How many kudos failed and wait for the rep (for the badge). */
export function countFailed(database: KeptDB = db): Promise<number> {
  return database.kudos.where('state').equals('failed').count();
}
