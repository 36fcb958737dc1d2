// A rep's feedback on one behaviour, from the panel: what the form must hold, and saving it (with its delivery in
// the outbox) before anything goes on the network.
import { i18n } from '#i18n';
import { channelOf } from '../kudos/channel';
import { loadMasker } from '../kudos/masker';
import { enqueueFeedback } from '../kudos/outbox';
import { wakeOutbox } from '../messages';
import type { Behaviour, BrandPromise, Role } from '../playbook/schema';
import type { CaseContext, DeliveryTarget, Profile } from '../schemas';
import type { Blocker, Feedback, FeedbackKind } from './schema';

/** What the rep filled in. */
export interface FeedbackDraft {
  kind: FeedbackKind;
  /** Why the change, or what happened. */
  message: string;
  /** Suggestions: the wording the rep would use instead (optional). */
  wording: string;
  /** Blockers: what got in the way. */
  blocker?: Blocker;
}

/** What the feedback is about: the behaviour, its promise, the rep's role and the case on screen. */
export interface FeedbackAbout {
  behaviour: Behaviour;
  promise?: BrandPromise;
  role?: Role;
  current?: CaseContext;
}

export type FeedbackProblems = Partial<Record<'message' | 'blocker', string>>;

/** What stops a draft from being sent, field by field, in the rep's words. */
export function feedbackProblems(draft: FeedbackDraft): FeedbackProblems {
  const problems: FeedbackProblems = {};
  if (draft.kind === 'blocker' && !draft.blocker) problems.blocker = i18n.t('feedback.problem.blocker');
  if (!draft.message.trim()) {
    problems.message = i18n.t(draft.kind === 'suggestion' ? 'feedback.problem.why' : 'feedback.problem.whatHappened');
  }
  return problems;
}

/** The feedback as it is saved: the rep's words masked like a customer quote (they may have pasted one). */
export function feedbackFrom(
  draft: FeedbackDraft,
  about: FeedbackAbout,
  from: Profile,
  mask: (text: string) => string,
  now: number,
): Omit<Feedback, 'state'> {
  const { behaviour, promise, role, current } = about;
  const wording = draft.kind === 'suggestion' ? draft.wording.trim() : '';
  return {
    id: crypto.randomUUID(),
    createdAt: now,
    kind: draft.kind,
    from: { name: from.name || 'A teammate', ...(from.email ? { email: from.email } : {}) },
    ...(role ? { role: { id: role.id, name: role.name } } : {}),
    behaviour: { id: behaviour.id, text: behaviour.text },
    promise: { id: behaviour.promiseId, title: promise?.title ?? behaviour.promiseId },
    message: mask(draft.message.trim()),
    ...(wording ? { wording: mask(wording) } : {}),
    ...(draft.kind === 'blocker' && draft.blocker ? { blocker: draft.blocker } : {}),
    ...(current ? { case: { helpdesk: current.helpdesk, ticketId: current.ticketId, url: current.url } } : {}),
  };
}

/**
 * Saves the feedback (and its delivery in the outbox), then wakes the background to deliver it. If the background
 * cannot be reached now, the feedback is still saved and goes out at its next start.
 */
export async function sendFeedback(
  draft: FeedbackDraft,
  about: FeedbackAbout,
  from: Profile,
  target: DeliveryTarget,
  now = Date.now(),
): Promise<Feedback> {
  const mask = await loadMasker();
  const feedback = await enqueueFeedback(
    { ...feedbackFrom(draft, about, from, mask, now), channel: channelOf(target) },
    target.kind,
    now,
  );
  if (target.kind !== 'kept') void wakeOutbox();
  return feedback;
}
