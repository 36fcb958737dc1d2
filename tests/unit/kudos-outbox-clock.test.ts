// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeptDB } from '@/utils/db';
import { MIN_ATTEMPTS_BEFORE_GIVING_UP } from '@/utils/kudos/backoff';
import type { DeliveryOutcome } from '@/utils/kudos/delivery';
import { enqueueKudos, type OutboxDeps, processOutbox, retryKudos } from '@/utils/kudos/outbox';
import type { Kudos } from '@/utils/schemas';

// The computer's clock is not a steady one: it is set back (a wrong time corrected, a time zone misconfigured) or
// jumps ahead (waking from sleep, a dead clock battery corrected). The outbox must neither park nor drop a kudos.
const T0 = Date.UTC(2026, 10, 3, 9, 0);
const DAY = 24 * 3_600_000;
let database: KeptDB;
let databaseCount = 0;
let clock: number;

beforeEach(() => {
  database = new KeptDB(`outbox-clock-test-${++databaseCount}`);
  clock = T0;
});
afterEach(() => database.delete());

const kudos = (id: string): Omit<Kudos, 'state'> => ({
  id,
  createdAt: T0,
  from: { name: 'Maya Lind' },
  to: { kind: 'person', name: 'Jonas Weber' },
  message: 'Sorted the refund in one reply.',
});
const deps = (deliver: OutboxDeps['deliver']): OutboxDeps => ({ now: () => clock, deliver, database, random: () => 0 });
const sent = (): Promise<DeliveryOutcome> => Promise.resolve({ kind: 'sent' });
const retry = (): Promise<DeliveryOutcome> => Promise.resolve({ kind: 'retry', reason: 'Slack had a problem.' });

describe('the kudos outbox when the clock is set back', () => {
  it('does not respect a lease that ends a day ahead: the run that held it is long gone', async () => {
    await enqueueKudos(kudos('k1'), 'slack', clock, database);
    await database.outbox.update('k1', { leaseUntil: T0 + 60_000, leaseToken: 'a-run-before-the-clock-changed' });
    clock = T0 - DAY;
    expect(await processOutbox(deps(sent))).toEqual({ sent: 1, retrying: 0, failed: 0, nextDueAt: null });
  });

  it('tries a retry scheduled for a clock a day ahead now, and sets the alarm for now, not for tomorrow', async () => {
    await enqueueKudos(kudos('k1'), 'slack', clock, database);
    expect(await processOutbox(deps(retry))).toMatchObject({ retrying: 1, nextDueAt: T0 + 30_000 });
    clock = T0 - DAY;
    // Nothing ran yet at the earlier time: the alarm is due at once, not at T0 + 30 s a day later.
    expect((await database.outbox.get('k1'))?.nextAttemptAt).toBe(T0 + 30_000);
    const run = await processOutbox(deps(sent));
    expect(run).toEqual({ sent: 1, retrying: 0, failed: 0, nextDueAt: null });
    expect((await database.kudos.get('k1'))?.state).toBe('sent');
  });

  it('lets the rep’s Retry bring an attempt forward even past a lease from the old clock', async () => {
    await enqueueKudos(kudos('k1'), 'slack', clock, database);
    await processOutbox(deps(retry));
    await database.outbox.update('k1', { leaseUntil: T0 + 60_000, leaseToken: 'stale' });
    clock = T0 - DAY;
    await retryKudos('k1', clock, database);
    expect((await database.outbox.get('k1'))?.nextAttemptAt).toBe(clock);
  });
});

describe('the kudos outbox when the clock jumps ahead', () => {
  it('keeps retrying a kudos whose first attempt comes two days later, and gives up only after several attempts', async () => {
    await enqueueKudos(kudos('k1'), 'slack', clock, database);
    clock = T0 + 2 * DAY;
    expect(await processOutbox(deps(retry))).toMatchObject({ retrying: 1, failed: 0 });
    expect((await database.kudos.get('k1'))?.state).toBe('retrying');
    let attempts = 1;
    for (;;) {
      const next = (await database.outbox.get('k1'))?.nextAttemptAt;
      if (next === undefined) break;
      clock = next;
      await processOutbox(deps(retry));
      attempts++;
    }
    expect(attempts).toBe(MIN_ATTEMPTS_BEFORE_GIVING_UP);
    expect(await database.kudos.get('k1')).toMatchObject({ state: 'failed' });
  });
});
