// Property tests: checkMessage, the one gate every message to the background and the content script passes, over
// random envelopes and random senders. It never throws, never accepts a message from a sender not allowed to send
// that type, and never accepts data its schema would refuse.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isHelpdeskUrl } from '@/utils/helpdesks';
import { checkMessage, type MessageType, protocol, type Sender, type TrustRules } from '@/utils/messages';

const RUNS = 200;
const ID = 'kept-id';
const ORIGIN = `chrome-extension://${ID}/`;
const rules: TrustRules = { extensionId: ID, extensionOrigin: ORIGIN, isHelpdeskUrl };
const TYPES = Object.keys(protocol) as MessageType[];

const tried = { messages: 0, accepted: 0 };
afterAll(() => console.info(`[property] ${tried.messages} messages checked, ${tried.accepted} accepted`));

const senderUrl = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      `${ORIGIN}sidepanel.html?tabId=7`,
      `${ORIGIN}popup.html`,
      `${ORIGIN}options.html`,
      'https://acme.zendesk.com/agent/tickets/1042',
      'https://acme.freshdesk.com/a/tickets/77',
    ),
  },
  fc.constantFrom(
    // Look-alikes: another extension, a host that only starts like a helpdesk, an extension id as a prefix.
    'chrome-extension://evil-id/sidepanel.html',
    `chrome-extension://${ID}x/popup.html`,
    `chrome-extension://${ID}.evil/popup.html`,
    'https://acme.zendesk.com.evil.example/agent/tickets/1',
    'https://evil.example/?u=https://acme.zendesk.com/agent/tickets/1',
    'http://acme.zendesk.com/agent/tickets/1',
    'about:blank',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    '',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 40 }),
);

const sender: fc.Arbitrary<Sender> = fc.record(
  {
    id: fc.oneof(
      { weight: 3, arbitrary: fc.constant(ID) },
      fc.constantFrom('evil-id', `${ID} `, ID.toUpperCase(), ''),
      fc.string(),
    ),
    url: senderUrl,
    tab: fc.record({ id: fc.option(fc.nat(), { nil: undefined, freq: 4 }) }, { requiredKeys: [] }),
    frameId: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: -1, max: 5 })),
  },
  { requiredKeys: [] },
);

// Types added later without an entry here are covered by the property above only.
const minimal: Partial<Record<MessageType, unknown>> = {
  'case:seen': {
    helpdesk: 'zendesk',
    host: 'acme.zendesk.com',
    ticketId: '1042',
    url: 'https://acme.zendesk.com/agent/tickets/1042',
    customer: {},
  },
  'case:none': { url: 'https://acme.zendesk.com/agent/dashboard' },
  'panel:open': {},
  'history:refresh': { tabId: 7 },
  'outbox:wake': {},
  'helpdesk:selection': {},
  'helpdesk:fetch': { path: '/api/v2/tickets/1042.json' },
};

/** Data close to each type's shape, and anything at all. */
const data = fc.oneof(
  fc.constantFrom(
    {},
    { tabId: 7 },
    { tabId: 7.5 },
    { tabId: '7' },
    { path: '/api/v2/tickets/1.json' },
    { path: '//evil.example/x' },
    { path: 'https://evil.example/' },
    { path: '/\\evil.example' },
    { url: 'https://acme.zendesk.com/agent/tickets/1' },
    {
      helpdesk: 'zendesk',
      host: 'acme.zendesk.com',
      ticketId: '1042',
      url: 'https://acme.zendesk.com/agent/tickets/1042',
      customer: { name: '<img src=x onerror="window.__keptXss=1">' },
    },
  ),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withMap: true, withSet: true, withBoxedValues: true }),
);

const envelope = fc.oneof(
  // Well-formed: only the sender decides.
  fc.constantFrom(...TYPES.filter((t) => t in minimal)).map((type) => ({ kept: 1, type, data: minimal[type] })),
  fc.record({
    kept: fc.oneof(fc.constant(1), fc.constantFrom(0, 2, '1', true, null)),
    type: fc.oneof(
      fc.constantFrom(...TYPES),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'case:delete', ''),
      fc.string(),
    ),
    data,
  }),
  fc.anything({ maxDepth: 3, withNullPrototype: true }),
);

/** Who may send what, stated once more from the outside: the rule the background relies on. */
function allowed(type: MessageType, from: Sender): boolean {
  if (from.id !== ID || !from.url) return false;
  if (protocol[type].from === 'extension') return from.url.startsWith(ORIGIN);
  return !from.url.startsWith(ORIGIN) && from.tab?.id !== undefined && from.frameId === 0 && isHelpdeskUrl(from.url);
}

describe('checking a message', () => {
  it('never throws, and accepts only a known type from a sender allowed to send it, with data its schema takes', () => {
    fc.assert(
      fc.property(envelope, sender, (raw, from) => {
        tried.messages++;
        const checked = checkMessage(raw, from, rules);
        if (!checked.ok) {
          expect(typeof checked.reason).toBe('string');
          return;
        }
        tried.accepted++;
        expect(TYPES).toContain(checked.type);
        expect(allowed(checked.type, from)).toBe(true);
        const sent = (raw as { data: unknown }).data;
        expect(protocol[checked.type].request.safeParse(sent).success).toBe(true);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it('accepts every well-formed message from its rightful sender (the gate is not simply shut)', () => {
    const rightful = fc.constantFrom(...TYPES.filter((t) => t in minimal)).map((type) => {
      const from: Sender =
        protocol[type].from === 'extension'
          ? { id: ID, url: `${ORIGIN}sidepanel.html?tabId=7` }
          : { id: ID, url: 'https://acme.zendesk.com/agent/tickets/1042', tab: { id: 7 }, frameId: 0 };
      return { type, from };
    });
    fc.assert(
      fc.property(rightful, ({ type, from }) => {
        tried.messages++;
        const checked = checkMessage({ kept: 1, type, data: minimal[type] }, from, rules);
        expect(checked).toMatchObject({ ok: true, type });
        tried.accepted++;
      }),
      { numRuns: RUNS },
    );
  });
});
