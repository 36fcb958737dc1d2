import { i18n } from '#i18n';
import { loadTeamFeed } from '../feed/settings';
import { wakeOutbox } from '../messages';
import type { Kudos, KudosCase, KudosRecipient, Profile } from '../schemas';
import type { DeliveryTarget } from '../schemas/settings';
import { channelOf } from './channel';
import { loadMasker, type Masker } from './masker';
import { enqueueKudos } from './outbox';
import type { KudosRules } from './schema';

/** What the rep filled in the composer. */
export interface KudosDraft {
  to: KudosRecipient | null;
  promiseId?: string;
  behaviourId?: string;
  message: string;
  quote: string;
  /** On unless the rep turns it off for this kudos. */
  maskQuote: boolean;
  case?: KudosCase;
}

/** What stops a draft from being sent, field by field, in the rep's words. */
export function draftProblems(
  draft: KudosDraft,
  rules: KudosRules,
): Partial<Record<'to' | 'promise' | 'message', string>> {
  const problems: Partial<Record<'to' | 'promise' | 'message', string>> = {};
  if (!draft.to?.name.trim()) problems.to = i18n.t('composer.problems.to');
  if (rules.requirePromise && !draft.promiseId) problems.promise = i18n.t('composer.problems.promise');
  const length = draft.message.trim().length;
  if (length < rules.minMessageLength) {
    problems.message = i18n.t('composer.problems.message', { min: rules.minMessageLength, length });
  }
  return problems;
}

/** The quote as it will leave Kept. */
export const quoteToSend = (draft: Pick<KudosDraft, 'quote' | 'maskQuote'>, mask: Masker): string | undefined => {
  const quote = draft.quote.trim();
  if (!quote) return undefined;
  return draft.maskQuote ? mask(quote) : quote;
};

/** The case as it will leave Kept: the customer wrote its subject, so it is masked like a quote, always. */
const caseToSend = (kudosCase: KudosCase, mask: Masker): KudosCase =>
  kudosCase.subject ? { ...kudosCase, subject: mask(kudosCase.subject) } : kudosCase;

/**
 * Saves the kudos (and its delivery in the outbox) before anything goes on the network, then wakes the background
 * to deliver it. If the background cannot be reached now, the kudos is still saved and goes out at its next start.
 */
export async function sendKudos(
  draft: KudosDraft,
  from: Profile,
  target: DeliveryTarget,
  now = Date.now(),
): Promise<Kudos> {
  if (!draft.to) throw new Error('A kudos needs a recipient.');
  const [mask, { feed }] = await Promise.all([loadMasker(), loadTeamFeed()]);
  // A Slack app team feed delivers every kudos, even when the rep's delivery says "keep in Kept".
  const kind = feed?.kind === 'slack' ? 'slack' : target.kind;
  const kudos = await enqueueKudos(
    {
      id: crypto.randomUUID(),
      createdAt: now,
      from: { name: from.name || 'A teammate', email: from.email || undefined },
      to: draft.to,
      promiseId: draft.promiseId,
      behaviourId: draft.behaviourId,
      message: draft.message.trim(),
      quote: quoteToSend(draft, mask),
      case: draft.case && caseToSend(draft.case, mask),
      channel: channelOf(target, feed),
    },
    kind,
    now,
  );
  if (kind !== 'kept') void wakeOutbox();
  return kudos;
}
