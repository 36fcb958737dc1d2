import * as z from 'zod/mini';
import { FETCH_PATH, MAX_FETCH_PATH } from '@/utils/content-script/messaging';
import { answer } from './answer';
import { HelpdeskId, PageCase, Problem, TokenCheck } from './schemas';

/** The reply a helpdesk gave to a same-origin request made for the background by the content script. */
export const HttpReply = z.object({
  status: z.number().check(z.int()),
  contentType: z.string(),
  retryAfter: z.optional(z.string()),
  body: z.string(),
});
export type HttpReply = z.infer<typeof HttpReply>;

const Ack = z.object({ ok: z.literal(true) });

/** How a refresh of the team feed went (no feed set: nothing added). */
export const FeedRefreshReply = z.union([
  z.object({ ok: z.literal(true), added: z.number(), forMe: z.number(), skipped: z.number() }),
  z.object({ ok: z.literal(false), error: Problem }),
]);
export type FeedRefreshReply = z.infer<typeof FeedRefreshReply>;

export const RefreshReply = z.union([
  z.object({ ok: z.literal(true), count: z.number() }),
  z.object({ ok: z.literal(false), error: Problem }),
]);
export type RefreshReply = z.infer<typeof RefreshReply>;

/**
 * Every message between Kept's parts: what it carries, what it answers, and who may send it.
 * `helpdesk-page`: a content script in a tab on a helpdesk URL; `extension`: the background or an extension page.
 */
export const protocol = {
  'case:seen': { from: 'helpdesk-page', request: PageCase, reply: Ack },
  'case:none': { from: 'helpdesk-page', request: z.object({ url: z.string() }), reply: Ack },
  // Chrome opens the side panel only inside the click's gesture, so its handler must run within the event.
  'panel:open': { from: 'helpdesk-page', request: z.object({}), reply: Ack, gesture: true },
  'history:refresh': {
    from: 'extension',
    request: z.object({ tabId: z.number().check(z.int()) }),
    reply: RefreshReply,
  },
  // The panel asks for an earlier conversation's thread, read through the tab's session or a saved token.
  'thread:fetch': {
    from: 'extension',
    request: z.object({
      tabId: z.number().check(z.int()),
      source: z.string().check(z.maxLength(300)),
      id: z.string().check(z.maxLength(64)),
      refresh: z.optional(z.boolean()),
    }),
    reply: RefreshReply,
  },
  // Options asks the background to try the saved API token of a helpdesk (and record how it went).
  'connection:check': { from: 'extension', request: z.object({ helpdesk: HelpdeskId }), reply: TokenCheck },
  'outbox:wake': { from: 'extension', request: z.object({}), reply: Ack },
  // A page opened (or the rep pressed Refresh, `asked`: a rate limit's wait is then not honoured).
  'feed:refresh': { from: 'extension', request: z.object({ asked: z.boolean() }), reply: FeedRefreshReply },
  // The rep looked at the praise for them: the badge stops counting it.
  'feed:seen': { from: 'extension', request: z.object({}), reply: Ack },
  'helpdesk:selection': {
    from: 'extension',
    request: z.object({}),
    reply: z.object({ text: z.string().check(z.maxLength(2000)) }),
  },
  'helpdesk:fetch': {
    from: 'extension',
    // Paths only, so the request can only ever go to the page's own origin.
    request: z.object({ path: z.string().check(z.regex(FETCH_PATH), z.maxLength(MAX_FETCH_PATH)) }),
    reply: HttpReply,
  },
} as const;

type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ReplyOf<T extends MessageType> = z.infer<Protocol[T]['reply']>;
export type SenderKind = Protocol[MessageType]['from'];

const Envelope = z.object({ kept: z.literal(1), type: z.string(), data: z.unknown() });
const ReplyEnvelope = z.union([
  z.object({ ok: z.literal(true), reply: z.unknown() }),
  z.object({ ok: z.literal(false), rejected: z.string() }),
]);

/** The parts of `runtime.MessageSender` that decide whether a message is trusted. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface TrustRules {
  extensionId: string;
  extensionOrigin: string;
  isHelpdeskUrl: (url: string) => boolean;
}

export type Checked = { ok: true; type: MessageType; data: unknown } | { ok: false; reason: string };

function senderKind(sender: Sender, rules: TrustRules): SenderKind | null {
  if (sender.id !== rules.extensionId || !sender.url) return null;
  if (sender.url.startsWith(rules.extensionOrigin)) return 'extension';
  if (sender.tab?.id !== undefined && sender.frameId === 0 && rules.isHelpdeskUrl(sender.url)) return 'helpdesk-page';
  return null;
}

/** Decides whether a raw message is a well-formed Kept message from a sender allowed to send it. */
export function checkMessage(raw: unknown, sender: Sender, rules: TrustRules): Checked {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: 'not a Kept message' };
  const { type } = envelope.data;
  if (!Object.hasOwn(protocol, type)) return { ok: false, reason: `unknown message type "${type}"` };
  const spec = protocol[type as MessageType];
  const kind = senderKind(sender, rules);
  if (kind !== spec.from) {
    return {
      ok: false,
      reason: `"${type}" from an untrusted sender (${sender.id ?? 'no id'} ${sender.url ?? 'no url'})`,
    };
  }
  const data = spec.request.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: `"${type}" is malformed: ${z.prettifyError(data.error)}` };
  return { ok: true, type: type as MessageType, data: data.data };
}

export type Handlers = {
  [T in MessageType]?: (data: RequestOf<T>, sender: Sender) => ReplyOf<T> | Promise<ReplyOf<T>>;
};

function trustRules(isHelpdeskUrl: TrustRules['isHelpdeskUrl']): TrustRules {
  return { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/'), isHelpdeskUrl };
}

type Respond = (reply: unknown) => void;

/** A page's message refused only for its URL, which helpdesk URLs still loading may yet include: worth waiting for. */
function awaitsItsPage(raw: unknown, sender: Sender, handlers: Handlers): boolean {
  const anyUrl = trustRules(() => true);
  const anyPage = checkMessage(raw, sender, anyUrl);
  return anyPage.ok && handlers[anyPage.type] !== undefined && !('gesture' in protocol[anyPage.type]);
}

/**
 * Answers Kept messages with `handlers`. Handlers run synchronously inside the listener, so a handler can use a
 * user gesture (sidePanel.open) before its first await. Rejected messages are logged and never acted on. A handler
 * that starts work answers once it is done, so whoever awaits the answer (a test too) knows the work is over.
 *
 * `loading` gives a promise while the helpdesk URLs are still being read (a background that has just woken has not
 * read the custom rules yet). Then a page's message refused only because its URL is not known yet is checked again
 * once they are read, and answered late; one whose handler needs the gesture is refused at once, as it would be gone.
 */
export function listen(
  handlers: Handlers,
  isHelpdeskUrl: TrustRules['isHelpdeskUrl'] = () => false,
  loading: () => Promise<unknown> | undefined = () => undefined,
): () => void {
  /** Runs the handler of an accepted message and answers; false when there is nothing to answer. */
  const respond = (checked: Checked, sender: Sender, sendResponse: Respond): boolean => {
    if (!checked.ok) {
      if (checked.reason !== 'not a Kept message') console.warn(`[Kept] rejected a message: ${checked.reason}`);
      return false;
    }
    const handler = handlers[checked.type] as ((data: unknown, sender: Sender) => unknown) | undefined;
    if (!handler) return false;
    // Synchronously, inside the event: a user gesture does not survive even one microtask.
    return answer(() => handler(checked.data, sender), sendResponse);
  };
  const listener = (raw: unknown, sender: Sender, sendResponse: Respond): boolean => {
    const checked = checkMessage(raw, sender, trustRules(isHelpdeskUrl));
    const waiting = checked.ok ? undefined : loading();
    if (!waiting || !awaitsItsPage(raw, sender, handlers)) return respond(checked, sender, sendResponse);
    const again = () => {
      const late = checkMessage(raw, sender, trustRules(isHelpdeskUrl));
      if (respond(late, sender, sendResponse)) return;
      // The channel is open: a message refused after all is answered with why.
      sendResponse({ ok: false, rejected: late.ok ? 'unhandled' : late.reason });
    };
    void waiting.then(again, again);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Sends a Kept message to the background, or to a tab's content script when `tabId` is given. */
export async function send<T extends MessageType>(type: T, data: RequestOf<T>, tabId?: number): Promise<ReplyOf<T>> {
  const envelope = { kept: 1, type, data };
  const raw: unknown =
    tabId === undefined ? await browser.runtime.sendMessage(envelope) : await browser.tabs.sendMessage(tabId, envelope);
  const reply = ReplyEnvelope.safeParse(raw);
  if (!reply.success) throw new Error(`No valid answer to "${type}"`);
  if (!reply.data.ok) throw new Error(`"${type}" failed: ${reply.data.rejected}`);
  const parsed = protocol[type].reply.safeParse(reply.data.reply);
  if (!parsed.success) throw new Error(`Malformed answer to "${type}": ${z.prettifyError(parsed.error)}`);
  return parsed.data as ReplyOf<T>;
}

/**
 * Asks the background to run the outbox now; it redraws the toolbar badge after every run, so this also recounts
 * what failed. When the background cannot be reached, the outbox runs (and the badge is drawn) at its next start.
 */
export const wakeOutbox = (): Promise<unknown> => send('outbox:wake', {}).catch(() => undefined);
