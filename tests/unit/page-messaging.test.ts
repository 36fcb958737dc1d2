import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { checkRequest } from '@/utils/content-script/messaging';
import { adapters, inPattern, isHelpdeskUrl } from '@/utils/helpdesks';
import { checkMessage, type Sender } from '@/utils/messages';

// The content script checks its two requests by hand (Zod would be half of it); it must accept and refuse exactly
// what the protocol's schemas do. Likewise its match-pattern reader and wxt's MatchPattern.

const extension = { id: 'kept-id', origin: 'chrome-extension://kept-id/' };
const rules = { extensionId: extension.id, extensionOrigin: extension.origin, isHelpdeskUrl };
const background: Sender = { id: 'kept-id', url: 'chrome-extension://kept-id/background.js' };
const envelope = (type: string, data: unknown) => ({ kept: 1, type, data });

describe('the content script’s request check', () => {
  it.each([
    ['a path on the API', envelope('helpdesk:fetch', { path: '/api/v2/tickets/1.json' }), background],
    ['extra fields', envelope('helpdesk:fetch', { path: '/api/v2/x', url: 'https://evil.example' }), background],
    ['an absolute URL', envelope('helpdesk:fetch', { path: 'https://evil.example/x' }), background],
    ['a protocol-relative URL', envelope('helpdesk:fetch', { path: '//evil.example/x' }), background],
    ['a backslash host', envelope('helpdesk:fetch', { path: '/\\evil.example/x' }), background],
    ['a path of 2,048 characters', envelope('helpdesk:fetch', { path: `/${'a'.repeat(2047)}` }), background],
    ['a path of 2,049 characters', envelope('helpdesk:fetch', { path: `/${'a'.repeat(2048)}` }), background],
    ['no path', envelope('helpdesk:fetch', {}), background],
    ['a number as path', envelope('helpdesk:fetch', { path: 42 }), background],
    ['an array as data', envelope('helpdesk:fetch', ['/api/v2/x']), background],
    ['the selection', envelope('helpdesk:selection', {}), background],
    ['the selection with null data', envelope('helpdesk:selection', null), background],
    ['another extension', envelope('helpdesk:selection', {}), { ...background, id: 'evil-id' }],
    [
      'a helpdesk page',
      envelope('helpdesk:fetch', { path: '/api/v2/x' }),
      { id: 'kept-id', url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 3 }, frameId: 0 },
    ],
    ['no url', envelope('helpdesk:selection', {}), { id: 'kept-id' }],
    ['a report meant for the background', envelope('case:none', { url: 'https://acme.zendesk.com/' }), background],
    ['a prototype key as type', envelope('constructor', {}), background],
    ['no envelope', { type: 'helpdesk:selection', data: {} }, background],
  ])('agrees with the protocol on %s', (_, raw, sender) => {
    const page = checkRequest(raw, sender, extension);
    const protocol = checkMessage(raw, sender, rules);
    // Reports for the background are well-formed protocol messages the page never answers.
    const answers = protocol.ok && (protocol.type === 'helpdesk:fetch' || protocol.type === 'helpdesk:selection');
    expect(page.ok).toBe(answers);
    if (page.ok && protocol.ok) expect(page.data).toEqual(protocol.data);
  });
});

describe('inPattern', () => {
  const urls = [
    'https://acme.zendesk.com/agent/tickets/1',
    'https://zendesk.com/agent',
    'https://acme.zendesk.com.evil.example/agent/tickets/1',
    'https://evilzendesk.com/',
    'http://acme.zendesk.com/agent/tickets/1',
    'https://acme.freshdesk.com/a/tickets/9?x=1#y',
    'https://secure.helpscout.net/conversation/1/2',
    'https://app.eu.intercom.com/a/inbox/x/inbox/conversation/1',
    'https://eu.app.intercom.com/a/',
    'https://acme.atlassian.net:8443/browse/IT-1',
    'https://a.b.lightning.force.com/lightning/r/Case/1/view',
    'wss://acme.zendesk.com/',
    'https://x.example.com/path/a/b/edit',
    'https://x.example.com/path/',
    'https://x.example.com/pathology/a/edit',
  ];
  const patterns = [
    ...new Set(adapters.flatMap((a) => a.matches)),
    '*://*.example.com/path/*',
    '*://*.example.com/path/*/edit',
    'https://*/*',
  ];

  it.each(patterns)('reads %s as the browser (and wxt) do', (pattern) => {
    for (const url of urls) {
      expect(inPattern(pattern, new URL(url)), `${pattern} ${url}`).toBe(new MatchPattern(pattern).includes(url));
    }
  });
});
