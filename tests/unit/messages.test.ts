import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { isHelpdeskUrl } from '@/utils/helpdesks';
import { checkMessage, listen, type Sender, type TrustRules } from '@/utils/messages';

const rules: TrustRules = {
  extensionId: 'kept-id',
  extensionOrigin: 'chrome-extension://kept-id/',
  isHelpdeskUrl,
};
const helpdeskTab: Sender = {
  id: 'kept-id',
  url: 'https://acme.zendesk.com/agent/tickets/1042',
  tab: { id: 7 },
  frameId: 0,
};
const panel: Sender = { id: 'kept-id', url: 'chrome-extension://kept-id/sidepanel.html?tabId=7' };
const seen = {
  helpdesk: 'zendesk',
  host: 'acme.zendesk.com',
  ticketId: '1042',
  url: 'https://acme.zendesk.com/agent/tickets/1042',
  subject: 'Refund not received',
  customer: { name: 'Zoë Ångström', email: 'zoe@example.com' },
};
const envelope = (type: string, data: unknown) => ({ kept: 1, type, data });

describe('checkMessage', () => {
  it('accepts a well-formed case report from a content script on a helpdesk page', () => {
    const checked = checkMessage(envelope('case:seen', seen), helpdeskTab, rules);
    expect(checked).toEqual({ ok: true, type: 'case:seen', data: seen });
  });

  it.each([
    ['not an envelope', 'hello', helpdeskTab, 'not a Kept message'],
    ['an unknown type', envelope('case:delete', {}), helpdeskTab, 'unknown message type "case:delete"'],
    ['a prototype key as type', envelope('toString', {}), helpdeskTab, 'unknown message type "toString"'],
    ['another extension', envelope('case:seen', seen), { ...helpdeskTab, id: 'evil-id' }, 'untrusted sender'],
    [
      'a page that is no helpdesk',
      envelope('case:seen', seen),
      { ...helpdeskTab, url: 'https://evil.example/agent/tickets/1' },
      'untrusted sender',
    ],
    ['an iframe inside the helpdesk', envelope('case:seen', seen), { ...helpdeskTab, frameId: 3 }, 'untrusted sender'],
    [
      'a page asking for the background-only fetch',
      envelope('helpdesk:fetch', { path: '/api/v2/x' }),
      helpdeskTab,
      'untrusted sender',
    ],
    ['an extension page reporting a case', envelope('case:seen', seen), panel, 'untrusted sender'],
    ['a case without a ticket id', envelope('case:seen', { ...seen, ticketId: '' }), helpdeskTab, 'malformed'],
    [
      'a case from an unknown helpdesk',
      envelope('case:seen', { ...seen, helpdesk: 'myspace' }),
      helpdeskTab,
      'malformed',
    ],
    ['an absolute URL to fetch', envelope('helpdesk:fetch', { path: 'https://evil.example/x' }), panel, 'malformed'],
    ['a protocol-relative URL to fetch', envelope('helpdesk:fetch', { path: '//evil.example/x' }), panel, 'malformed'],
  ])('rejects %s', (_, raw, sender, reason) => {
    const checked = checkMessage(raw, sender, rules);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).toContain(reason);
  });

  it('names the field that is wrong', () => {
    const checked = checkMessage(envelope('history:refresh', { tabId: 'seven' }), panel, rules);
    expect(checked.ok ? '' : checked.reason).toMatch(/tabId/);
  });
});

describe('listen', () => {
  const dispatch = (raw: unknown, sender: Sender) =>
    new Promise<unknown>((resolve) => {
      // Chrome hands listeners (message, sender, sendResponse); the fake browser passes on whatever it is given.
      const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
      const results = trigger(raw, sender, resolve);
      void results.then((r: unknown[]) => {
        if (!r.includes(true)) resolve('no answer');
      });
    });

  it('runs the handler for a trusted, valid message and answers with its reply', async () => {
    const handler = vi.fn(() => ({ ok: true as const }));
    listen({ 'case:seen': handler }, isHelpdeskUrl);
    const sender = { ...helpdeskTab, id: browser.runtime.id };
    await expect(dispatch(envelope('case:seen', seen), sender)).resolves.toEqual({ ok: true, reply: { ok: true } });
    expect(handler).toHaveBeenCalledWith(seen, sender);
  });

  it('never acts on a malformed or foreign message, and logs why', async () => {
    const handler = vi.fn(() => ({ ok: true as const }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    listen({ 'case:seen': handler }, isHelpdeskUrl);
    const sender = { ...helpdeskTab, id: browser.runtime.id };
    await expect(dispatch(envelope('case:seen', { ...seen, url: 'not a url' }), sender)).resolves.toBe('no answer');
    await expect(dispatch(envelope('case:seen', seen), { ...sender, id: 'other-extension' })).resolves.toBe(
      'no answer',
    );
    expect(handler).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0])).toContain('malformed');
    expect(String(warn.mock.calls[1])).toContain('untrusted sender');
  });
});

describe('listen and user gestures', () => {
  it('runs the handler synchronously inside the event, so sidePanel.open keeps the gesture', () => {
    const calls: string[] = [];
    listen(
      {
        'panel:open': () => {
          calls.push('handler');
          return { ok: true };
        },
      },
      isHelpdeskUrl,
    );
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    void trigger(
      { kept: 1, type: 'panel:open', data: {} },
      { ...helpdeskTab, id: browser.runtime.id },
      () => undefined,
    );
    calls.push('after dispatch');
    expect(calls).toEqual(['handler', 'after dispatch']);
  });
});

describe('listen while the helpdesk URLs are still loading', () => {
  // A custom helpdesk's page: known only once the rules are read, as in a background that has just woken.
  const customPage: Sender = {
    id: 'kept-id',
    url: 'https://support.northwind.example/conversation/58213',
    tab: { id: 9 },
    frameId: 0,
  };
  const customSeen = {
    helpdesk: 'custom',
    host: 'support.northwind.example',
    ticketId: '58213',
    url: 'https://support.northwind.example/conversation/58213',
    customer: { email: 'amara.okafor@fastmail.example' },
  };
  const trigger = (raw: unknown, sender: Sender, sendResponse: (reply: unknown) => void) =>
    (fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>)(raw, sender, sendResponse);
  const dispatch = (raw: unknown, sender: Sender) =>
    new Promise<unknown>((resolve) => {
      void trigger(raw, sender, resolve).then((r) => {
        if (!r.includes(true)) resolve('no answer');
      });
    });

  /** Helpdesk URLs whose custom part is read when `read()` is called. */
  function rulesBeingRead() {
    let known = false;
    let finish: () => void = () => undefined;
    let loading: Promise<void> | undefined = new Promise<void>((resolve) => {
      finish = resolve;
    });
    return {
      isHelpdeskUrl: (url: string) =>
        isHelpdeskUrl(url) || (known && url.startsWith('https://support.northwind.example/')),
      loading: () => loading,
      /**
       * Reads them; the promise is the one the listener waits on, so awaiting it (after the listener, which awaited
       * it first) means every message that waited has been checked again.
       */
      read: () => {
        const read = loading;
        known = true;
        loading = undefined;
        finish();
        return read;
      },
    };
  }
  const withOurId = (sender: Sender) => ({ ...sender, id: browser.runtime.id });

  it('answers a page it does not know yet once the URLs are read, and runs its handler only then', async () => {
    const handler = vi.fn(() => ({ ok: true as const }));
    const urls = rulesBeingRead();
    listen({ 'case:seen': handler }, urls.isHelpdeskUrl, urls.loading);
    let held: Promise<unknown[]> = Promise.resolve([]);
    const reply = new Promise((resolve) => {
      held = trigger(envelope('case:seen', customSeen), withOurId(customPage), resolve);
    });
    // The listener is done with the event and holds the message (it answers later): its handler has not run.
    await expect(held).resolves.toEqual([true]);
    expect(handler).not.toHaveBeenCalled();
    await urls.read();
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(reply).resolves.toEqual({ ok: true, reply: { ok: true } });
    expect(handler).toHaveBeenCalledWith(customSeen, withOurId(customPage));
  });

  it('refuses, once the URLs are read, a page they do not include, and says why', async () => {
    const handler = vi.fn(() => ({ ok: true as const }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const urls = rulesBeingRead();
    listen({ 'case:none': handler }, urls.isHelpdeskUrl, urls.loading);
    const elsewhere = withOurId({ ...customPage, url: 'https://evil.example/conversation/1' });
    const reply = dispatch(envelope('case:none', { url: 'https://evil.example/conversation/1' }), elsewhere);
    urls.read();
    await expect(reply).resolves.toEqual({ ok: false, rejected: expect.stringContaining('untrusted sender') });
    expect(handler).not.toHaveBeenCalled();
    expect(String(warn.mock.calls[0])).toContain('untrusted sender');
  });

  it('does not wait for a message that is wrong whatever the URLs: malformed, from an iframe or another extension', async () => {
    const handler = vi.fn(() => ({ ok: true as const }));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const urls = rulesBeingRead();
    listen({ 'case:seen': handler }, urls.isHelpdeskUrl, urls.loading);
    const page = withOurId(customPage);
    await expect(dispatch(envelope('case:seen', { ...customSeen, ticketId: '' }), page)).resolves.toBe('no answer');
    await expect(dispatch(envelope('case:seen', customSeen), { ...page, frameId: 2 })).resolves.toBe('no answer');
    await expect(dispatch(envelope('case:seen', customSeen), { ...page, id: 'evil-id' })).resolves.toBe('no answer');
    await urls.read();
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses the panel at once rather than open it late (the gesture would be gone), and keeps known pages in the event', async () => {
    const calls: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const urls = rulesBeingRead();
    listen(
      {
        'panel:open': (_, sender) => {
          calls.push(`panel for ${sender.url}`);
          return { ok: true };
        },
      },
      urls.isHelpdeskUrl,
      urls.loading,
    );
    const answers: unknown[] = [];
    void trigger(envelope('panel:open', {}), withOurId(customPage), (reply) => answers.push(reply));
    // A built-in helpdesk is known without the rules: its click is answered inside the event, as always.
    void trigger(envelope('panel:open', {}), withOurId(helpdeskTab), () => undefined);
    calls.push('after dispatch');
    expect(calls).toEqual([`panel for ${helpdeskTab.url}`, 'after dispatch']);
    // The page asks again (entrypoints/custom-helpdesk.content.ts), once the rules are read: inside the event now.
    await urls.read();
    void trigger(envelope('panel:open', {}), withOurId(customPage), () => undefined);
    // The first click was never run late, nor answered: the page's send failed, which is what makes it ask again.
    expect(calls).toEqual([`panel for ${helpdeskTab.url}`, 'after dispatch', `panel for ${customPage.url}`]);
    expect(answers).toEqual([]);
  });
});
