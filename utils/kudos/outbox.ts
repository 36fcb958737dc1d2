// The kudos outbox: a kudos is saved before anything is sent, each delivery attempt runs under a lease so two
// wake-ups of the service worker never send the same kudos at once, and every kudos ends sent or visibly failed.
// A rep's feedback on the playbook goes through the same outbox: each entry says what it carries.
import { i18n } from '#i18n';
import { db, type KeptDB } from '../db';
import { Feedback } from '../feedback/schema';
import { type Delivery, type DeliveryTarget, Kudos, type OutboxEntry } from '../schemas';
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

/** What the outbox delivers: a kudos or a rep's feedback, each with its delivery state. */
interface Deliverable extends Delivery {
  id: string;
}
type DeliveryStatus = Omit<Delivery, 'channel'>;

/** The item without what belongs to a past delivery state. */
function withoutState<T extends Deliverable>(item: T): Omit<T, keyof DeliveryStatus> {
  const { state: _state, stateDetail: _detail, nextAttemptAt: _next, sentAt: _sent, ...rest } = item;
  return rest;
}

/** The item in a new delivery state, with nothing left of the old one. */
function withStatus<T extends Deliverable>(item: T, status: DeliveryStatus): T {
  // Only the state fields change: the rest is the item's own, so it is still a T.
  return { ...withoutState(item), ...status } as T;
}

/** What one outbox entry delivers, read in the entry's transaction. */
type Parcel = { carries: 'kudos'; item: Kudos } | { carries: 'feedback'; item: Feedback };

/** The entry without its lease. */
function released(entry: OutboxEntry): OutboxEntry {
  const { leaseUntil: _until, leaseToken: _token, ...rest } = entry;
  return rest;
}

const freshEntry = (kudosId: string, now: number, carries: Parcel['carries'] = 'kudos'): OutboxEntry => ({
  kudosId,
  ...(carries === 'kudos' ? {} : { carries }),
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
  const saved = Kudos.parse(withStatus({ ...kudos, state: 'queued' }, { state: local ? 'local' : 'queued' }));
  await database.transaction('rw', database.kudos, database.outbox, async () => {
    await database.kudos.add(saved);
    if (!local) await database.outbox.add(freshEntry(saved.id, now));
  });
  return saved;
}

/** Saves a rep's feedback and, unless it stays in Kept, its outbox entry, in one transaction, like a kudos. */
export async function enqueueFeedback(
  feedback: Omit<Feedback, 'state'>,
  targetKind: DeliveryTarget['kind'],
  now: number,
  database: KeptDB = db,
): Promise<Feedback> {
  const local = targetKind === 'kept';
  const saved = Feedback.parse(withStatus({ ...feedback, state: 'queued' }, { state: local ? 'local' : 'queued' }));
  await database.transaction('rw', database.feedback, database.outbox, async () => {
    await database.feedback.add(saved);
    if (!local) await database.outbox.add(freshEntry(saved.id, now, 'feedback'));
  });
  return saved;
}

export interface OutboxDeps {
  now: () => number;
  /** One attempt for one kudos (the background binds the target and context); see `deliver` in ./delivery.ts. */
  deliver: (kudos: Kudos) => Promise<DeliveryOutcome>;
  /** One attempt for one piece of feedback; a run without it leaves feedback waiting for a run that has it. */
  deliverFeedback?: (feedback: Feedback) => Promise<DeliveryOutcome>;
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

/** The item an entry carries, from its own table. */
async function parcelOf(database: KeptDB, entry: OutboxEntry): Promise<Parcel | undefined> {
  if (entry.carries === 'feedback') {
    const item = await database.feedback.get(entry.kudosId);
    return item && { carries: 'feedback', item };
  }
  const item = await database.kudos.get(entry.kudosId);
  return item && { carries: 'kudos', item };
}

/**
 * Takes the entry for this run, or answers null when it is gone, not due, leased by another run, or carries what
 * this run cannot deliver.
 */
function takeLease(
  database: KeptDB,
  kudosId: string,
  now: number,
  deps: OutboxDeps,
): Promise<{ parcel: Parcel; token: string } | null> {
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  return database.transaction('rw', database.kudos, database.feedback, database.outbox, async () => {
    const entry = await database.outbox.get(kudosId);
    if (!entry || !isDue(entry, now) || isLeased(entry, now, leaseMs)) return null;
    if (entry.carries === 'feedback' && !deps.deliverFeedback) return null;
    const parcel = await parcelOf(database, entry);
    if (!parcel || parcel.item.state === 'sent') {
      // Deleted (or already sent) meanwhile: nothing left to deliver.
      await database.outbox.delete(kudosId);
      return null;
    }
    const token = newLeaseToken();
    await database.outbox.put({ ...entry, leaseUntil: now + leaseMs, leaseToken: token });
    return { parcel, token };
  });
}

/** The state an outcome leaves the item in, and the entry's next attempt when there is one. */
function settled(
  entry: OutboxEntry,
  outcome: DeliveryOutcome,
  now: number,
  random: () => number,
): { status: DeliveryStatus; retryAt?: number } {
  if (outcome.kind === 'sent') return { status: { state: 'sent', sentAt: now } };
  let reason = outcome.reason;
  if (outcome.kind === 'retry') {
    const attempts = entry.attempts + 1;
    const at = nextAttemptAt(now, attempts, entry.firstAttemptAt, outcome.retryAfterMs, random);
    if (at !== null) {
      return { status: { state: 'retrying', stateDetail: detail(reason), nextAttemptAt: at }, retryAt: at };
    }
    const hours = Math.round(GIVE_UP_AFTER_MS / 3_600_000);
    reason = i18n.t('reasons.outbox.gaveUp', attempts, { duration: duration(hours, 'hour'), reason: outcome.reason });
  }
  return { status: { state: 'failed', stateDetail: detail(reason) } };
}

/** The table of the items an entry can carry, as far as the outbox uses it. */
interface Items<T> {
  get(id: string): Promise<T | undefined>;
  put(item: T): Promise<unknown>;
}

/** Writes the outcome to the item's row and the entry (kept for the next attempt, else removed). */
async function record<T extends Deliverable>(
  database: KeptDB,
  items: Items<T>,
  entry: OutboxEntry,
  outcome: ReturnType<typeof settled>,
): Promise<Result | null> {
  const item = await items.get(entry.kudosId);
  if (!item) {
    await database.outbox.delete(entry.kudosId);
    return null;
  }
  await items.put(withStatus(item, outcome.status));
  if (outcome.retryAt === undefined) {
    await database.outbox.delete(entry.kudosId);
    return outcome.status.state === 'sent' ? 'sent' : 'failed';
  }
  const { stateDetail } = outcome.status;
  await database.outbox.put({
    ...released(entry),
    attempts: entry.attempts + 1,
    nextAttemptAt: outcome.retryAt,
    ...(stateDetail ? { lastError: stateDetail } : {}),
  });
  return 'retrying';
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
  return database.transaction('rw', database.kudos, database.feedback, database.outbox, async () => {
    const entry = await database.outbox.get(kudosId);
    // Gone (the rep deleted the kudos) or taken over by another run after our lease ran out: theirs to record.
    if (!entry || entry.leaseToken !== token) return null;
    const result = settled(entry, outcome, now, random);
    return entry.carries === 'feedback'
      ? record<Feedback>(database, database.feedback, entry, result)
      : record<Kudos>(database, database.kudos, entry, result);
  });
}

/** One attempt for what the lease holds; `deliver` answers every failure as an outcome, so a throw is a bug. */
async function deliverParcel(parcel: Parcel, deps: OutboxDeps): Promise<DeliveryOutcome> {
  try {
    if (parcel.carries === 'kudos') return await deps.deliver(parcel.item);
    if (deps.deliverFeedback) return await deps.deliverFeedback(parcel.item);
  } catch (error) {
    console.error(`[Kept] Delivering ${parcel.carries} failed unexpectedly`, error);
  }
  // The item stays and is tried again.
  return { kind: 'retry', reason: i18n.t('reasons.outbox.unexpected') };
}

async function attempt(database: KeptDB, kudosId: string, deps: OutboxDeps): Promise<Result | null> {
  const lease = await takeLease(database, kudosId, deps.now(), deps);
  if (!lease) return null;
  const outcome = await deliverParcel(lease.parcel, deps);
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
export function retryKudos(id: string, now: number, database: KeptDB = db): Promise<void> {
  return database.transaction('rw', database.kudos, database.outbox, () =>
    retryItem<Kudos>(database, database.kudos, id, 'kudos', now),
  );
}

/** The rep's Retry of a piece of feedback, as for a kudos. */
export function retryFeedback(id: string, now: number, database: KeptDB = db): Promise<void> {
  return database.transaction('rw', database.feedback, database.outbox, () =>
    retryItem<Feedback>(database, database.feedback, id, 'feedback', now),
  );
}

async function retryItem<T extends Deliverable>(
  database: KeptDB,
  items: Items<T>,
  id: string,
  carries: Parcel['carries'],
  now: number,
): Promise<void> {
  const item = await items.get(id);
  if (!item || item.state === 'sent' || item.state === 'local') return;
  const entry = await database.outbox.get(id);
  if (item.state === 'failed' || !entry) {
    // The rep's Retry sends it to the channel in force now, if that changed since it was written.
    const { channel: _writtenFor, ...retried } = withStatus(item, { state: 'queued' });
    await database.outbox.put(freshEntry(id, now, carries));
    // Still a T: the channel it was written for is optional.
    await items.put(retried as T);
  } else if (!isLeased(entry, now, LEASE_MS) && entry.nextAttemptAt > now) {
    await database.outbox.put({ ...entry, nextAttemptAt: now });
    if (item.state === 'retrying') await items.put({ ...item, nextAttemptAt: now });
  }
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

/** How many pieces of the rep's playbook feedback failed and wait for them (few rows: no index needed). */
export function countFailedFeedback(database: KeptDB = db): Promise<number> {
  return database.feedback.filter((feedback) => feedback.state === 'failed').count();
}
