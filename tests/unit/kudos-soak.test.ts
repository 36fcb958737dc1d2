// @vitest-environment node
// 1,000 kudos through a real HTTP receiver that fails 30% of attempts, with a clock that jumps to the next due
// attempt: every kudos must end sent, and the receiver must have accepted each exactly once.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { KeptDB } from '@/utils/db';
import { deliver } from '@/utils/kudos/delivery';
import { enqueueKudos, processOutbox } from '@/utils/kudos/outbox';
import { mulberry32 } from '../../scripts/demo-helpdesk/seed';
import { startWebhookReceiver, type WebhookReceiver } from '../../scripts/webhook-receiver';

const KUDOS = 1000;
const FAILURE_RATE = 0.3;
const T0 = Date.UTC(2026, 2, 12, 9, 0);

let receiver: WebhookReceiver;
let database: KeptDB;
beforeAll(async () => {
  receiver = await startWebhookReceiver({ tls: false });
  database = new KeptDB('kudos-soak');
});
afterAll(async () => {
  await receiver.close();
  await database.delete();
});

it(`delivers ${KUDOS} kudos exactly once through a receiver failing ${FAILURE_RATE * 100}% of attempts`, async () => {
  receiver.failRandomly(FAILURE_RATE, ['500', '429', 'refuse', 'close-mid-response'], mulberry32(2026));
  const target = { kind: 'slack' as const, url: `${receiver.url}/services/T0001/B0002/soak` };
  let clock = T0;
  for (let i = 0; i < KUDOS; i++) {
    const id = `soak-${String(i).padStart(4, '0')}`;
    await enqueueKudos(
      {
        id,
        createdAt: clock,
        from: { name: 'Ana Rep' },
        to: { kind: 'team', name: 'Billing' },
        message: `Thanks #${i}`,
      },
      'slack',
      clock,
      database,
    );
  }

  const started = performance.now();
  const random = mulberry32(7);
  let rounds = 0;
  let attempts = 0;
  const totals = { sent: 0, retrying: 0, failed: 0 };
  // Jittered retries rarely fall due together, so a run often finds a single entry due: bound by attempts, not time.
  for (; rounds < 5 * KUDOS; rounds++) {
    const run = await processOutbox({
      now: () => clock,
      deliver: (kudos) => {
        attempts++;
        return deliver(target, kudos, { fromName: kudos.from.name }, { timeoutMs: 5000, now: () => clock });
      },
      database,
      random,
      concurrency: 8,
    });
    totals.sent += run.sent;
    totals.retrying += run.retrying;
    totals.failed += run.failed;
    if (run.nextDueAt === null) break;
    clock = Math.max(clock, run.nextDueAt);
  }
  const seconds = (performance.now() - started) / 1000;

  expect(await database.kudos.where('state').equals('sent').count()).toBe(KUDOS);
  expect(await database.outbox.count()).toBe(0);
  expect(totals).toEqual({ sent: KUDOS, retrying: attempts - KUDOS, failed: 0 });
  expect(receiver.delivered.size).toBe(KUDOS);
  expect([...receiver.delivered.values()].every((times) => times === 1)).toBe(true);
  expect(receiver.received.length).toBe(attempts);
  const failedAttempts = receiver.received.filter((r) => r.failure !== 'none').length;
  expect(failedAttempts / attempts).toBeGreaterThan(0.25);
  expect(failedAttempts / attempts).toBeLessThan(0.35);

  const perKudos = new Map<string, number>();
  for (const r of receiver.received) {
    const key = r.headers['idempotency-key'] ?? '';
    perKudos.set(key, (perKudos.get(key) ?? 0) + 1);
  }
  console.log(
    `[soak] ${KUDOS} kudos, ${attempts} attempts (${failedAttempts} failed on purpose, at most ` +
      `${Math.max(...perKudos.values())} for one kudos), ${rounds + 1} outbox runs, ` +
      `${((clock - T0) / 60_000).toFixed(1)} simulated minutes, ${seconds.toFixed(2)} s wall, ` +
      `${(KUDOS / seconds).toFixed(0)} deliveries/s, ${(attempts / seconds).toFixed(0)} attempts/s`,
  );
}, 60_000);
