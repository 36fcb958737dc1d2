// The panel's "Suggest a change" and "This got in my way" on one behaviour, decided (the component only renders
// this), and the feedback Options lists, live.
import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useState } from 'react';
import { i18n } from '#i18n';
import { db } from '../db';
import { countFailedFeedback, retryFeedback } from '../kudos/outbox';
import { wakeOutbox } from '../messages';
import type { Behaviour, Playbook, Role } from '../playbook/schema';
import type { CaseContext } from '../schemas';
import { settings } from '../settings';
import { errorText, useOutcome } from '../state/outcome';
import type { Blocker, FeedbackKind } from './schema';
import { type FeedbackDraft, type FeedbackProblems, feedbackProblems, sendFeedback } from './send';

/** Where the rep speaks from: the playbook and role in force, and the case on screen. */
export interface FeedbackScope {
  playbook: Playbook;
  role: Role;
  current: CaseContext;
}

const emptyDraft = (kind: FeedbackKind): FeedbackDraft => ({ kind, message: '', wording: '' });

/** One behaviour's feedback form: which one is open, what is typed, what stops it, and what sending came to. */
export function useBehaviourFeedback(behaviour: Behaviour, scope: FeedbackScope) {
  const [draft, setDraft] = useState<FeedbackDraft | null>(null);
  const [problems, setProblems] = useState<FeedbackProblems>({});
  const { outcome, show, run } = useOutcome();

  const toggle = (kind: FeedbackKind) => {
    setProblems({});
    show({ kind: 'idle' });
    setDraft(draft?.kind === kind ? null : emptyDraft(kind));
  };
  const edit = (change: Partial<FeedbackDraft>) => {
    if (draft) setDraft({ ...draft, ...change });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const found = feedbackProblems(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const about = {
      behaviour,
      promise: scope.playbook.promises.find((p) => p.id === behaviour.promiseId),
      role: scope.role,
      current: scope.current,
    };
    void run(i18n.t('composer.saving'), async () => {
      const [profile, target] = await Promise.all([settings.profile.getValue(), settings.feedbackTarget.getValue()]);
      await sendFeedback(draft, about, profile, target);
      setDraft(null);
      const said =
        target.kind === 'kept'
          ? (`feedback.saved.${draft.kind}Kept` as const)
          : (`feedback.saved.${draft.kind}Sending` as const);
      return { kind: 'done', text: i18n.t(said) };
    });
  };

  return {
    draft,
    problems,
    outcome,
    toggle,
    cancel: () => setDraft(null),
    setMessage: (message: string) => edit({ message }),
    setWording: (wording: string) => edit({ wording }),
    setBlocker: (blocker: Blocker) => edit({ blocker }),
    submit,
  };
}

/** What the rep sent about the playbook, newest first, live; undefined while loading. */
export function useSentFeedback() {
  return useLiveQuery(() => db.feedback.orderBy('createdAt').reverse().toArray(), []);
}

/** How many pieces of the rep's feedback failed to deliver, live; undefined while loading. */
export const useFailedFeedbackCount = () => useLiveQuery(() => countFailedFeedback(), []);

/** Retry of one piece of feedback that failed or waits: queued again now, and the background woken to send it. */
export function useFeedbackRetry(id: string) {
  const [error, setError] = useState('');
  const retry = () => {
    setError('');
    retryFeedback(id, Date.now()).then(
      // If the background cannot be reached now, the feedback goes out at its next start.
      () => wakeOutbox(),
      (e: unknown) => setError(i18n.t('common.retryFailed', { problem: errorText(e) })),
    );
  };
  return { retry, error };
}
