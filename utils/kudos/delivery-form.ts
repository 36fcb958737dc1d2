// The admin's delivery settings as a form: what the choices are called, what a draft must hold to be saved, how a
// saved webhook URL is shown (masked: it is a credential), and the test kudos "Send test" delivers. No browser APIs.
import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { DeliveryTarget, type Kudos } from '../schemas';
import { type ChannelTarget, type DeliveryOutcome, deliver } from './delivery';
import { KudosRules } from './schema';

export type DeliveryKind = DeliveryTarget['kind'];

/** The choices of "Deliver kudos to", in the order shown. */
export const DELIVERY_KINDS: readonly DeliveryKind[] = ['kept', 'slack', 'teams', 'webhook'];

/** A choice in the admin's words, in the browser's language. */
export const deliveryKindLabel = (kind: DeliveryKind): string => i18n.t(`options.delivery.kind.${kind}`);

/** Slack's incoming webhooks live here; the host is declared in the manifest, so it needs no permission request. */
export const SLACK_ORIGIN = 'https://hooks.slack.com';

/** What the delivery form holds. The saved URL and secret are never put back in a field. */
export interface DeliveryDraft {
  kind: DeliveryKind;
  /** A URL being typed; undefined keeps the saved one (when the kind is unchanged). */
  url?: string;
  /** A new signing secret being typed (webhook only); empty keeps the saved one. */
  secret: string;
}

export type CheckedDraft =
  | {
      ok: true;
      target: DeliveryTarget;
      /**
       * The origin to ask host permission for, inside the click; absent for Kept only and Slack. Without the port:
       * match patterns cannot hold one (Firefox) or match every port without it (Chrome).
       */
      origin?: string;
    }
  | { ok: false; message: string };

/** The URL a saved target holds, if any. */
export function savedUrl(target: DeliveryTarget): string | undefined {
  return target.kind === 'kept' ? undefined : target.url;
}

/** The saved URL the draft keeps, when the admin has not typed a new one and the kind is unchanged. */
export function keptUrl(draft: DeliveryDraft, saved: DeliveryTarget): string | undefined {
  return draft.url === undefined && draft.kind === saved.kind ? savedUrl(saved) : undefined;
}

/** Checks a draft against the rules of each channel, with a message the admin can act on. Never echoes the URL. */
export function checkDeliveryDraft(draft: DeliveryDraft, saved: DeliveryTarget): CheckedDraft {
  if (draft.kind === 'kept') return { ok: true, target: { kind: 'kept' } };
  const address = (draft.url ?? keptUrl(draft, saved) ?? '').trim();
  if (!address) return { ok: false, message: i18n.t('options.delivery.error.noUrl') };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, message: i18n.t('options.delivery.error.notUrl') };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, message: i18n.t('options.delivery.error.notHttps') };
  }
  if (draft.kind === 'slack' && url.origin !== SLACK_ORIGIN) {
    return { ok: false, message: i18n.t('options.delivery.error.notSlack') };
  }
  const secret = draft.secret.trim() || (saved.kind === 'webhook' && draft.kind === 'webhook' ? saved.secret : '');
  const candidate =
    draft.kind === 'webhook'
      ? { kind: draft.kind, url: address, ...(secret ? { secret } : {}) }
      : { kind: draft.kind, url: address };
  const parsed = DeliveryTarget.safeParse(candidate);
  if (!parsed.success)
    return {
      ok: false,
      message: i18n.t('options.delivery.error.notSaved', { problem: z.prettifyError(parsed.error) }),
    };
  return {
    ok: true,
    target: parsed.data,
    ...(url.origin === SLACK_ORIGIN ? {} : { origin: `https://${url.hostname}` }),
  };
}

const MASKED_PATH_CHARS = 14;

/**
 * A saved webhook URL as it may be shown: the origin and the start of the path, never the query (Teams puts its
 * signature there) and never more than half the path, e.g. `https://hooks.slack.com/services/T000…`.
 */
export function maskWebhookUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return '…';
  }
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.origin}${path.slice(0, Math.min(MASKED_PATH_CHARS, Math.floor(path.length / 2)))}…`;
}

export type CheckedRules = { ok: true; rules: KudosRules } | { ok: false; message: string };

/** The kudos rules from the form's fields. */
export function checkKudosRules(minMessageLength: string, requirePromise: boolean): CheckedRules {
  const min = Number(minMessageLength.trim());
  if (!minMessageLength.trim() || !Number.isInteger(min) || min < 1 || min > 1000) {
    return { ok: false, message: i18n.t('options.delivery.error.minLength') };
  }
  const parsed = KudosRules.safeParse({ minMessageLength: min, requirePromise });
  if (!parsed.success) return { ok: false, message: z.prettifyError(parsed.error) };
  return { ok: true, rules: parsed.data };
}

export const TEST_MESSAGE = 'Test from Kept. Kudos your team sends will arrive here.';

/** A kudos that exists only to be sent once: never saved, never in the outbox. */
export function testKudos(fromName: string, now: number, id: string = crypto.randomUUID()): Kudos {
  return {
    id: `kept-test-${id}`.slice(0, 64),
    createdAt: now,
    from: { name: fromName.trim() || 'Kept' },
    to: { kind: 'team', name: 'your team' },
    message: TEST_MESSAGE,
    state: 'queued',
  };
}

/** What "Send test" shows for an outcome. Reasons never hold the URL or the secret (see `deliver`). */
export function testOutcomeText(outcome: DeliveryOutcome): string {
  return outcome.kind === 'sent'
    ? i18n.t('options.delivery.testSent')
    : i18n.t('options.delivery.testFailed', { reason: outcome.reason });
}

/** Sends one test kudos to `target` and says how it went. One attempt, no retries, nothing written. */
export async function sendTestKudos(
  target: ChannelTarget,
  options: { fromName?: string; fetch?: typeof fetch; now?: () => number; timeoutMs?: number } = {},
): Promise<{ outcome: DeliveryOutcome; text: string }> {
  const now = options.now ?? Date.now;
  const kudos = testKudos(options.fromName ?? '', now());
  const outcome = await deliver(
    target,
    kudos,
    { fromName: kudos.from.name },
    { fetch: options.fetch, timeoutMs: options.timeoutMs, now },
  );
  return { outcome, text: testOutcomeText(outcome) };
}
