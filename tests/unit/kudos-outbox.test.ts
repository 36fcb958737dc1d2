// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeptDB } from '@/utils/db';
import { GIVE_UP_AFTER_MS } from '@/utils/kudos/backoff';
import type { DeliveryOutcome } from '@/utils/kudos/delivery';
import {
  countFailed,
  deleteKudos,
  enqueueKudos,
  LEASE_MS,
  type OutboxDeps,
  processOutbox,
  retryKudos,
} from '@/utils/kudos/outbox';
import type { Kudos } from '@/utils/schemas';

const T0 = Date.UTC(2026, 2, 12, 9, 0);
let databaseCount = 0;
let database: KeptDB;
let clock: number;

beforeEach(() => {
  database = new KeptDB(`outbox-test-${++databaseCount}`);
  clock = T0;
});
afterEach(async () => {
  await database.delete();
});

const newKudos = (id: string): Omit<Kudos, 'state'> => ({
  id,
  createdAt: T0,
  from: { name: 'Ana Rep' },
  to: { kind: 'person', name: 'Priya Shah' },
  message: 'Thank you for the quick refund.',
});
const sent = (): Promise<DeliveryOutcome> => Promise.resolve({ kind: 'sent' });
const retry = (reason = 'Slack had a problem (HTTP 500). Kept will try again.'): Promise<DeliveryOutcome> =>
  Promise.resolve({ kind: 'retry', reason });
const deps = (deliver: OutboxDeps['deliver'], over: Partial<OutboxDeps> = {}): OutboxDeps => ({
  now: () => clock,
  deliver,
  database,
  random: () => 0.5,
  ...over,
});
const kudosRow = (id: string) => database.kudos.get(id);
const entryRow = (id: string) => database.outbox.get(id);

/** A promise to settle by hand, to hold a delivery in flight. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('enqueueing', () => {
  it('writes the kudos and its outbox entry together, and sends nothing', async () => {
    const saved = await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    expect(saved.state).toBe('queued');
    expect(await kudosRow('k1')).toEqual({ ...newKudos('k1'), state: 'queued' });
    expect(await entryRow('k1')).toEqual({ kudosId: 'k1', attempts: 0, firstAttemptAt: T0, nextAttemptAt: T0 });
  });

  it('writes neither row when one of them cannot be written', async () => {
    // An entry left over for this id makes the outbox write fail, so the kudos write is rolled back too.
    await database.outbox.add({ kudosId: 'k1', attempts: 0, firstAttemptAt: 0, nextAttemptAt: 0 });
    await expect(enqueueKudos(newKudos('k1'), 'webhook', clock, database)).rejects.toThrow();
    expect(await kudosRow('k1')).toBeUndefined();
    // And a kudos id is never enqueued twice.
    await enqueueKudos(newKudos('k2'), 'slack', clock, database);
    await expect(enqueueKudos(newKudos('k2'), 'slack', clock, database)).rejects.toThrow();
    expect(await database.outbox.count()).toBe(2);
  });

  it('keeps a Kept-only kudos local with no outbox entry', async () => {
    const saved = await enqueueKudos(newKudos('k1'), 'kept', clock, database);
    expect(saved.state).toBe('local');
    expect(await database.outbox.count()).toBe(0);
    const deliver = vi.fn(sent);
    expect(await processOutbox(deps(deliver))).toEqual({ sent: 0, retrying: 0, failed: 0, nextDueAt: null });
    expect(deliver).not.toHaveBeenCalled();
  });

  it('refuses a kudos that does not match its schema', async () => {
    await expect(enqueueKudos({ ...newKudos('k1'), message: '' }, 'slack', clock, database)).rejects.toThrow();
    expect(await database.kudos.count()).toBe(0);
  });
});

describe('processing the outbox', () => {
  it('sends a due kudos, marks it sent and removes its entry', async () => {
    await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    clock += 5;
    const deliver = vi.fn(sent);
    expect(await processOutbox(deps(deliver))).toEqual({ sent: 1, retrying: 0, failed: 0, nextDueAt: null });
    expect(deliver).toHaveBeenCalledWith(expect.objectContaining({ id: 'k1', state: 'queued' }));
    expect(await kudosRow('k1')).toMatchObject({ state: 'sent', sentAt: T0 + 5 });
    expect(await entryRow('k1')).toBeUndefined();
  });

  it('keeps a kudos whose delivery throws, to try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    const run = await processOutbox(
      deps(async () => {
        throw new Error('boom');
      }),
    );
    expect(run).toEqual({ sent: 0, retrying: 1, failed: 0, nextDueAt: T0 + 30_000 });
    expect(await kudosRow('k1')).toMatchObject({ state: 'retrying', nextAttemptAt: T0 + 30_000 });
    expect(await entryRow('k1')).toMatchObject({ attempts: 1, nextAttemptAt: T0 + 30_000 });
    expect((await entryRow('k1'))?.leaseToken).toBeUndefined();
  });

  it('retries with backoff until the kudos is sent', async () => {
    await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    const answers: Array<() => Promise<DeliveryOutcome>> = [
      () => retry('Could not reach hooks.slack.com: connection refused.'),
      () =>
        Promise.resolve({ kind: 'retry', reason: 'Slack asked Kept to slow down (HTTP 429).', retryAfterMs: 300_000 }),
      sent,
    ];
    const deliver = vi.fn(() => (answers.shift() ?? sent)());

    let run = await processOutbox(deps(deliver));
    expect(run).toMatchObject({ retrying: 1, nextDueAt: T0 + 30_000 });
    expect(await kudosRow('k1')).toMatchObject({
      state: 'retrying',
      stateDetail: 'Could not reach hooks.slack.com: connection refused.',
      nextAttemptAt: T0 + 30_000,
    });
    // Not due yet: nothing happens.
    clock = T0 + 29_999;
    expect(await processOutbox(deps(deliver))).toMatchObject({ sent: 0, retrying: 0, nextDueAt: T0 + 30_000 });
    expect(deliver).toHaveBeenCalledTimes(1);

    clock = T0 + 30_000;
    run = await processOutbox(deps(deliver));
    // The server's Retry-After (5 min) beats the backoff (45 s with this jitter).
    expect(run).toMatchObject({ retrying: 1, nextDueAt: clock + 300_000 });
    expect(await entryRow('k1')).toMatchObject({ attempts: 2, lastError: 'Slack asked Kept to slow down (HTTP 429).' });

    clock = run.nextDueAt ?? 0;
    run = await processOutbox(deps(deliver));
    expect(run).toEqual({ sent: 1, retrying: 0, failed: 0, nextDueAt: null });
    const done = await kudosRow('k1');
    expect(done).toMatchObject({ state: 'sent', sentAt: clock });
    expect(done).not.toHaveProperty('stateDetail');
    expect(done).not.toHaveProperty('nextAttemptAt');
    expect(deliver).toHaveBeenCalledTimes(3);
  });

  it('marks a permanent failure failed with its reason', async () => {
    await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    const reason = 'Slack says the webhook was revoked (no_service). Ask your admin for a new URL.';
    const run = await processOutbox(deps(() => Promise.resolve({ kind: 'permanent', reason })));
    expect(run).toEqual({ sent: 0, retrying: 0, failed: 1, nextDueAt: null });
    expect(await kudosRow('k1')).toMatchObject({ state: 'failed', stateDetail: reason });
    expect(await entryRow('k1')).toBeUndefined();
    expect(await countFailed(database)).toBe(1);
  });

  it('gives up 24 hours after the first attempt', async () => {
    await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    const attemptsAt: number[] = [];
    const deliver = () => {
      attemptsAt.push(clock);
      return retry();
    };
    let failed = 0;
    for (let round = 0; round < 100; round++) {
      const run = await processOutbox(deps(deliver));
      failed += run.failed;
      if (run.nextDueAt === null) break;
      clock = run.nextDueAt;
    }
    expect(failed).toBe(1);
    expect(attemptsAt.at(-1)).toBe(T0 + GIVE_UP_AFTER_MS);
    // Waits of 30–60 min once the backoff reaches its cap: between 24 and 24 × 2 attempts, plus the ramp.
    expect(attemptsAt.length).toBeGreaterThan(24);
    expect(attemptsAt.length).toBeLessThan(60);
    for (const [i, at] of attemptsAt.entries())
      if (i > 0) expect(at - (attemptsAt[i - 1] ?? 0)).toBeLessThanOrEqual(3_600_000);
    const row = await kudosRow('k1');
    expect(row?.state).toBe('failed');
    expect(row?.stateDetail).toBe(
      `Not delivered after ${attemptsAt.length} attempts over 24 hours. Last attempt: Slack had a problem (HTTP 500). Kept will try again.`,
    );
    expect(await database.outbox.count()).toBe(0);
  });

  it('never delivers the same kudos twice when two runs overlap', async () => {
    for (let i = 0; i < 6; i++) await enqueueKudos(newKudos(`k${i}`), 'slack', clock, database);
    const calls = new Map<string, number>();
    const deliver = async (kudos: Kudos): Promise<DeliveryOutcome> => {
      calls.set(kudos.id, (calls.get(kudos.id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { kind: 'sent' };
    };
    const runs = await Promise.all([
      processOutbox(deps(deliver)),
      processOutbox(deps(deliver, { concurrency: 3 })),
      processOutbox(deps(deliver, { concurrency: 2 })),
    ]);
    expect([...calls.values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect(runs.reduce((total, run) => total + run.sent, 0)).toBe(6);
    expect(await database.kudos.where('state').equals('sent').count()).toBe(6);
  });

  it('respects the lease of a run that crashed, until it expires', async () => {
    await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    await database.outbox.update('k1', { leaseUntil: T0 + 60_000, leaseToken: 'crashed-run' });
    const deliver = vi.fn(sent);
    expect(await processOutbox(deps(deliver))).toEqual({ sent: 0, retrying: 0, failed: 0, nextDueAt: T0 + 60_000 });
    expect(deliver).not.toHaveBeenCalled();
    clock = T0 + 60_000;
    expect(await processOutbox(deps(deliver))).toMatchObject({ sent: 1, nextDueAt: null });
    expect(deliver).toHaveBeenCalledTimes(1);
  });

  it('ignores the outcome of a run that lost its lease to another', async () => {
    await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    const slow = deferred<DeliveryOutcome>();
    const first = processOutbox(deps(() => slow.promise));
    await vi.waitFor(async () => expect((await entryRow('k1'))?.leaseToken).toBeDefined());
    // The first run stalls past its lease (a worker frozen mid-request); a later wake-up takes over and succeeds.
    clock = T0 + LEASE_MS + 1;
    expect(await processOutbox(deps(sent))).toMatchObject({ sent: 1 });
    slow.resolve({ kind: 'permanent', reason: 'stale answer' });
    expect(await first).toEqual({ sent: 0, retrying: 0, failed: 0, nextDueAt: null });
    expect(await kudosRow('k1')).toMatchObject({ state: 'sent' });
  });

  it('drops the entry of a kudos deleted before or during its delivery', async () => {
    await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    await enqueueKudos(newKudos('k2'), 'slack', clock, database);
    await database.kudos.delete('k1');
    const deliver = vi.fn(async (kudos: Kudos): Promise<DeliveryOutcome> => {
      await deleteKudos(kudos.id, database);
      return { kind: 'sent' };
    });
    expect(await processOutbox(deps(deliver))).toEqual({ sent: 0, retrying: 0, failed: 0, nextDueAt: null });
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(await database.kudos.count()).toBe(0);
    expect(await database.outbox.count()).toBe(0);
  });
});

describe('the rep’s actions', () => {
  it('retries a failed kudos with a fresh entry', async () => {
    await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    await processOutbox(deps(() => Promise.resolve({ kind: 'permanent', reason: 'revoked' })));
    expect(await countFailed(database)).toBe(1);

    clock = T0 + 3_600_000;
    await retryKudos('k1', clock, database);
    const row = await kudosRow('k1');
    expect(row?.state).toBe('queued');
    expect(row).not.toHaveProperty('stateDetail');
    expect(await entryRow('k1')).toEqual({ kudosId: 'k1', attempts: 0, firstAttemptAt: clock, nextAttemptAt: clock });
    expect(await countFailed(database)).toBe(0);
    expect(await processOutbox(deps(sent))).toMatchObject({ sent: 1 });
  });

  it('brings the next attempt of a retrying kudos forward, and leaves sent and local ones alone', async () => {
    await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    await processOutbox(deps(() => retry()));
    clock = T0 + 10_000;
    await retryKudos('k1', clock, database);
    expect(await entryRow('k1')).toMatchObject({ attempts: 1, firstAttemptAt: T0, nextAttemptAt: clock });
    expect(await kudosRow('k1')).toMatchObject({ state: 'retrying', nextAttemptAt: clock });
    await processOutbox(deps(sent));

    await enqueueKudos(newKudos('k2'), 'kept', clock, database);
    await retryKudos('k1', clock, database);
    await retryKudos('k2', clock, database);
    await retryKudos('missing', clock, database);
    expect(await database.outbox.count()).toBe(0);
    expect((await kudosRow('k1'))?.state).toBe('sent');
    expect((await kudosRow('k2'))?.state).toBe('local');
  });

  it('deletes a kudos with its outbox entry', async () => {
    await enqueueKudos(newKudos('k1'), 'slack', clock, database);
    await enqueueKudos(newKudos('k2'), 'slack', clock, database);
    await deleteKudos('k1', database);
    expect(await kudosRow('k1')).toBeUndefined();
    expect(await entryRow('k1')).toBeUndefined();
    expect(await database.outbox.count()).toBe(1);
  });

  it('counts failed kudos', async () => {
    for (let i = 0; i < 5; i++) await enqueueKudos(newKudos(`k${i}`), 'slack', clock, database);
    const outcomes: DeliveryOutcome['kind'][] = ['permanent', 'sent', 'permanent', 'retry', 'permanent'];
    await processOutbox(
      deps(async (kudos) => {
        const kind = outcomes[Number(kudos.id.slice(1))];
        return kind === 'sent' ? { kind } : { kind: kind ?? 'permanent', reason: 'no' };
      }),
    );
    expect(await countFailed(database)).toBe(3);
  });
});
