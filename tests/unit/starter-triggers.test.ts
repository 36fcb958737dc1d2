// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshdesk } from '@/utils/helpdesks/freshdesk/api';
import type { HelpdeskAdapter } from '@/utils/helpdesks/types';
import { zendesk } from '@/utils/helpdesks/zendesk/api';
import { fetchHistory } from '@/utils/history/fetch-history';
import { caseSignals } from '@/utils/history/signals';
import { type CaseFacts, caseFactsOf, matchReasons, tagSynonyms } from '@/utils/playbook/choose';
import { DEFAULT_PLAYBOOK } from '@/utils/playbook/default';
import type { Behaviour, BehaviourWhen } from '@/utils/playbook/schema';
import type { Conversation } from '@/utils/schemas';
import { type DemoHelpdesk, startDemoHelpdesk } from '../../scripts/demo-helpdesk/server';
import { hostTransport } from './demo-request';
import { apiOf } from './fixtures';

/** One demo ticket as the panel sees it: where it is, and the facts its triggers are matched against. */
interface DemoCase {
  ticket: string;
  facts: CaseFacts;
}

/**
 * Every ticket of every customer of one demo helpdesk, read over HTTP through the adapter's own API as the
 * background reads them; each ticket's signals come from the rest of its customer's history, as in the panel.
 */
async function demoCases(
  demo: DemoHelpdesk,
  adapter: HelpdeskAdapter,
  host: string,
  customerIds: readonly string[],
): Promise<DemoCase[]> {
  const transport = await hostTransport(demo, host);
  const now = () => demo.seed.now;
  const cases: DemoCase[] = [];
  for (const externalId of customerIds) {
    const ref = { helpdesk: adapter.id, host, ticketId: '1' };
    const read = await fetchHistory(apiOf(adapter), adapter.name, transport, ref, { externalId }, 500, now);
    if (!read.ok) throw new Error(`${adapter.name} customer ${externalId}: ${read.error.message}`);
    const history = read.value.conversations.map((c): Conversation => ({ ...c, customerKey: externalId }));
    for (const c of history) {
      const signals = caseSignals({ ticketId: c.id, source: c.source }, history, now());
      cases.push({ ticket: `${c.source} #${c.id}`, facts: caseFactsOf(c, signals) });
    }
  }
  return cases;
}

/** Each trigger of a behaviour on its own: one signal, one tag, one channel or one status. */
function singleTriggers(when: BehaviourWhen): BehaviourWhen[] {
  return [
    ...(when.signals ?? []).map((s) => ({ signals: [s] })),
    ...(when.tags ?? []).map((t) => ({ tags: [t] })),
    ...(when.channels ?? []).map((c) => ({ channels: [c] })),
    ...(when.statuses ?? []).map((s) => ({ statuses: [s] })),
  ];
}

const triggered = DEFAULT_PLAYBOOK.behaviours.filter((b): b is Behaviour & { when: BehaviourWhen } => !!b.when);
const synonyms = tagSynonyms(DEFAULT_PLAYBOOK.tagAliases);

describe('the starter playbook on the demo helpdesk', () => {
  let demo: DemoHelpdesk;
  let cases: DemoCase[];
  const firing = (when: BehaviourWhen) => cases.find((c) => matchReasons(when, c.facts, synonyms).length > 0);

  beforeAll(async () => {
    demo = await startDemoHelpdesk({ tls: false });
    const { seed } = demo;
    // The bulk buyer's two thousand purchase orders add no trigger the others lack.
    const bulk = seed.users.find((u) => u.email?.startsWith('grace.hopkins'));
    const zendeskCustomers = seed.users.filter((u) => u !== bulk).map((u) => String(u.id));
    const freshdeskCustomers = seed.freshdesk.contacts.map((c) => String(c.id));
    cases = [
      ...(await demoCases(demo, zendesk, 'acme.zendesk.com', zendeskCustomers)),
      ...(await demoCases(demo, freshdesk, 'acme.freshdesk.com', freshdeskCustomers)),
    ];
  }, 120_000);
  afterAll(() => demo?.close());

  it('reads enough demo tickets to mean something', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(triggered.map((b) => [b.id, b] as const))('fires %s on at least one demo ticket', (_id, behaviour) => {
    expect(firing(behaviour.when), JSON.stringify(behaviour.when)).toBeDefined();
  });

  it.each(triggered.flatMap((b) => singleTriggers(b.when).map((when) => [b.id, JSON.stringify(when), when] as const)))(
    'fires %s’s trigger %s on its own on at least one demo ticket',
    (_id, _label, when) => {
      expect(firing(when)).toBeDefined();
    },
  );

  it('fires a tag trigger through the playbook’s synonyms where no ticket has the tag itself', () => {
    expect(cases.some((c) => c.facts.tags.includes('outage'))).toBe(false);
    expect(firing({ tags: ['outage'] })?.facts.tags).toContain('service_down');
  });

  it('fires a channel trigger on the channel among Kept’s while the ticket keeps Zendesk’s word', () => {
    expect(firing({ channels: ['messaging'] })?.facts).toMatchObject({
      channel: 'messaging',
      channelName: 'native_messaging',
    });
  });
});
