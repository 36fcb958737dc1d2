// Zoho Desk's session API wants the organisation id in an `orgId` header (docs/helpdesks.md §8), and only the
// page's own scripts know it: the page global `window.desk_urls`. An isolated-world content script cannot read page
// globals, so a MAIN-world script (entrypoints/zohodesk-bridge.content.ts) answers for it. Both sides are here, small
// and dependency-free: the bridge runs in the helpdesk's page, next to its code.
//
// They talk with CustomEvents on the page's window, not postMessage: other frames cannot dispatch events on this
// window, and postMessage would also reach the helpdesk's own message handlers. Details are strings (JSON), the one
// kind of value Firefox passes between the worlds without wrapping.

/**
 * The regional agent hosts Kept runs on (docs/helpdesks.md lists the first five; China's data centre answered Zoho's recorded
 * API examples). Here rather than in
 * zohodesk.ts so that the bridge imports no Zod: Zod's modules set a global, and the bridge runs in the page.
 */
export const ZOHODESK_HOSTS = [
  'desk.zoho.com',
  'desk.zoho.eu',
  'desk.zoho.in',
  'desk.zoho.com.au',
  'desk.zoho.jp',
  'desk.zoho.com.cn',
];
/** Match patterns of the agent pages, for both content scripts (the helpdesk one and the bridge). */
export const ZOHODESK_MATCHES = ZOHODESK_HOSTS.map((host) => `https://${host}/*`);

/** The content script asks, with a request id as the detail. */
export const ORG_ID_REQUEST = 'kept:zohodesk-org-id-request';
/** The bridge answers `{"id": <request id>, "orgId": "<digits>" | null}`. */
export const ORG_ID_ANSWER = 'kept:zohodesk-org-id';

const REQUEST_ID = /^[a-z0-9]{1,40}$/;
/** Zoho org ids are decimal numbers (`2389290` in Zoho's API docs); anything else is not sent as a header. */
const ORG_ID = /^\d{1,30}$/;
/**
 * Where `desk_urls` keeps the org id. No official source names the key; one public Desk userscript (MWR Zoho Tools)
 * tries these four in this order, so Kept does too.
 */
const ORG_ID_KEYS = ['orgId', 'orgid', 'organizationId', 'zdOrgId'];

/** The org id in a `desk_urls` value, or null; reads nothing else. */
export function orgIdIn(deskUrls: unknown): string | null {
  if (typeof deskUrls !== 'object' || deskUrls === null) return null;
  for (const key of ORG_ID_KEYS) {
    const value: unknown = (deskUrls as Record<string, unknown>)[key];
    const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    if (typeof text === 'string' && ORG_ID.test(text)) return text;
  }
  return null;
}

/** The bridge: answers each well-formed request with the org id `desk_urls` has now. Answers the way to stop. */
export function answerOrgIdRequests(page: Window): () => void {
  const onRequest = (event: Event) => {
    const id = (event as CustomEvent<unknown>).detail;
    if (typeof id !== 'string' || !REQUEST_ID.test(id)) return;
    let orgId: string | null = null;
    try {
      orgId = orgIdIn((page as Window & { desk_urls?: unknown }).desk_urls);
    } catch {
      // A page global may be a getter that throws; then there is no org id to give.
    }
    page.dispatchEvent(new CustomEvent(ORG_ID_ANSWER, { detail: JSON.stringify({ id, orgId }) }));
  };
  page.addEventListener(ORG_ID_REQUEST, onRequest);
  return () => page.removeEventListener(ORG_ID_REQUEST, onRequest);
}

let requests = 0;

/**
 * The content script's side: the org id the bridge answers, or null when it answers none or does not answer within
 * `timeoutMs` (not loaded in this tab, or blocked). The page's scripts could answer too; that only changes a header
 * the page's own origin receives.
 */
export function askOrgId(page: Window, timeoutMs = 200): Promise<string | null> {
  requests += 1;
  const id = `${requests}${Math.random().toString(36).slice(2, 10)}`;
  return new Promise((resolve) => {
    const finish = (orgId: string | null) => {
      clearTimeout(timer);
      page.removeEventListener(ORG_ID_ANSWER, onAnswer);
      resolve(orgId);
    };
    const onAnswer = (event: Event) => {
      const answer = parseAnswer((event as CustomEvent<unknown>).detail);
      if (answer?.id === id) finish(answer.orgId);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    page.addEventListener(ORG_ID_ANSWER, onAnswer);
    page.dispatchEvent(new CustomEvent(ORG_ID_REQUEST, { detail: id }));
  });
}

function parseAnswer(detail: unknown): { id: string; orgId: string | null } | null {
  if (typeof detail !== 'string' || detail.length > 200) return null;
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, orgId } = value as Record<string, unknown>;
  if (typeof id !== 'string') return null;
  if (orgId === null) return { id, orgId: null };
  return typeof orgId === 'string' && ORG_ID.test(orgId) ? { id, orgId } : null;
}
