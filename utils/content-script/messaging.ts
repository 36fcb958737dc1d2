// The content script's side of Kept's messages (utils/messages.ts has the whole protocol). Checked by hand, not with
// Zod: Zod's core alone is 5 KB gzip, half the content script's budget. The checks are the protocol's own: the
// same envelope, the same sender rule, the same limits (utils/messages.ts builds its schemas from these constants).

import { answer } from '@/utils/answer';
import type { HttpReply, RequestOf, Sender } from '@/utils/messages';

/** Paths only, so a `helpdesk:fetch` can only ever go to the page's own origin. */
export const FETCH_PATH = /^\/[^/\\]/;
export const MAX_FETCH_PATH = 2048;
/** Why a `helpdesk:fetch` was refused or stopped when the rep has left the ticket it was for. */
export const LEFT_TICKET = 'the rep left the ticket';

type Outbound = 'case:seen' | 'case:none' | 'panel:open';

export interface PageHandlers {
  'helpdesk:fetch': (data: RequestOf<'helpdesk:fetch'>) => Promise<HttpReply>;
  'helpdesk:selection': (data: RequestOf<'helpdesk:selection'>) => { text: string };
}
type Inbound = keyof PageHandlers;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each request the extension may make of this page: its data as the protocol's schema would parse it, or null. */
const requests: { [T in Inbound]: (data: unknown) => RequestOf<T> | null } = {
  'helpdesk:fetch': (data) =>
    isRecord(data) && typeof data.path === 'string' && data.path.length <= MAX_FETCH_PATH && FETCH_PATH.test(data.path)
      ? { path: data.path }
      : null,
  'helpdesk:selection': (data) => (isRecord(data) ? {} : null),
};

/** Why a raw message is refused, or its type and data. */
export function checkRequest(
  raw: unknown,
  sender: Sender,
  extension: { id: string; origin: string },
): { ok: true; type: Inbound; data: unknown } | { ok: false; reason: string } {
  if (!isRecord(raw) || raw.kept !== 1 || typeof raw.type !== 'string')
    return { ok: false, reason: 'not a Kept message' };
  const { type } = raw;
  if (!Object.hasOwn(requests, type)) return { ok: false, reason: `unknown message type "${type}"` };
  // Only the background and Kept's own pages ask the page for anything.
  if (sender.id !== extension.id || !sender.url?.startsWith(extension.origin)) {
    return {
      ok: false,
      reason: `"${type}" from an untrusted sender (${sender.id ?? 'no id'} ${sender.url ?? 'no url'})`,
    };
  }
  const data = requests[type as Inbound](raw.data);
  return data ? { ok: true, type: type as Inbound, data } : { ok: false, reason: `"${type}" is malformed` };
}

/** Answers the extension's requests; refused messages are logged and never acted on. Answers the way to stop. */
export function listen(handlers: PageHandlers): () => void {
  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const listener = (raw: unknown, sender: Sender, sendResponse: (reply: unknown) => void): boolean => {
    const checked = checkRequest(raw, sender, extension);
    if (!checked.ok) {
      if (checked.reason !== 'not a Kept message') console.warn(`[Kept] rejected a message: ${checked.reason}`);
      return false;
    }
    const handler = handlers[checked.type] as (data: unknown) => unknown;
    return answer(() => handler(checked.data), sendResponse);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Reports to the background; throws unless it acknowledged (`{ ok: true }`). */
export async function send<T extends Outbound>(type: T, data: RequestOf<T>): Promise<void> {
  const raw: unknown = await browser.runtime.sendMessage({ kept: 1, type, data });
  if (!isRecord(raw) || raw.ok !== true) {
    const why = isRecord(raw) && typeof raw.rejected === 'string' ? `: ${raw.rejected}` : '';
    throw new Error(`"${type}" failed${why}`);
  }
  if (!isRecord(raw.reply) || raw.reply.ok !== true) throw new Error(`Malformed answer to "${type}"`);
}
