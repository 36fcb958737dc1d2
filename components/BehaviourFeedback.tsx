import { useId } from 'react';
import { i18n } from '#i18n';
import { type FeedbackScope, useBehaviourFeedback } from '@/utils/feedback/hooks';
import { Blocker } from '@/utils/feedback/schema';
import type { Behaviour } from '@/utils/playbook/schema';
import { FormActions } from './FormActions';
import { describedBy, FieldError } from './kudos/ComposerField';
import { OutcomeNote } from './options/OutcomeView';

interface Props {
  behaviour: Behaviour;
  scope: FeedbackScope;
  /** The id of the behaviour's text, which describes both buttons (many behaviours have them). */
  describedById: string;
}

/** The two ways to speak back, in the order the panel offers them. */
const KINDS = [
  { kind: 'suggestion', label: () => i18n.t('feedback.suggest') },
  { kind: 'blocker', label: () => i18n.t('feedback.blocked') },
] as const;

/** "Suggest a change" and "This got in my way" under one behaviour, each opening a short form for the owner. */
export function BehaviourFeedback({ behaviour, scope, describedById }: Props) {
  const feedback = useBehaviourFeedback(behaviour, scope);
  return (
    <div className="behaviour-feedback">
      <p className="behaviour-feedback-actions">
        {KINDS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            className="link-button"
            aria-expanded={feedback.draft?.kind === kind}
            aria-describedby={describedById}
            onClick={() => feedback.toggle(kind)}
          >
            {label()}
          </button>
        ))}
      </p>
      {feedback.draft && <FeedbackForm feedback={feedback} draft={feedback.draft} />}
      <OutcomeNote outcome={feedback.outcome} />
    </div>
  );
}

type Feedback = ReturnType<typeof useBehaviourFeedback>;

/** The short form: what blocked it (blockers), why or what happened, new wording (suggestions). */
function FeedbackForm({ feedback, draft }: { feedback: Feedback; draft: NonNullable<Feedback['draft']> }) {
  const { problems } = feedback;
  const id = useId();
  const suggestion = draft.kind === 'suggestion';
  return (
    <form
      className="form feedback-form"
      aria-label={i18n.t(suggestion ? 'feedback.suggest' : 'feedback.blocked')}
      onSubmit={feedback.submit}
      noValidate
    >
      {draft.kind === 'blocker' && (
        <BlockerChoice id={id} chosen={draft.blocker} problem={problems.blocker} onChoose={feedback.setBlocker} />
      )}
      <label>
        {i18n.t(suggestion ? 'feedback.why' : 'feedback.whatHappened')}
        <textarea
          rows={3}
          maxLength={2000}
          value={draft.message}
          aria-invalid={Boolean(problems.message)}
          aria-describedby={describedBy(problems.message && `${id}-message`)}
          onChange={(e) => feedback.setMessage(e.target.value)}
        />
      </label>
      <FieldError id={`${id}-message`} text={problems.message} />
      {suggestion && (
        <label>
          {i18n.t('feedback.wording')}
          <textarea
            rows={2}
            maxLength={1000}
            value={draft.wording}
            onChange={(e) => feedback.setWording(e.target.value)}
          />
        </label>
      )}
      <p className="muted hint">{i18n.t('feedback.goesTo')}</p>
      <FormActions submit={i18n.t('common.send')} onCancel={feedback.cancel} />
    </form>
  );
}

interface BlockerProps {
  id: string;
  chosen: Blocker | undefined;
  problem: string | undefined;
  onChoose: (blocker: Blocker) => void;
}

function BlockerChoice({ id, chosen, problem, onChoose }: BlockerProps) {
  return (
    <fieldset aria-describedby={describedBy(problem && `${id}-blocker`)}>
      <legend>{i18n.t('feedback.whatBlocked')}</legend>
      {Blocker.options.map((blocker) => (
        <label key={blocker} className="check">
          <input type="radio" name={`${id}-blocker`} checked={chosen === blocker} onChange={() => onChoose(blocker)} />
          {i18n.t(`feedback.blocker.${blocker}`)}
        </label>
      ))}
      <FieldError id={`${id}-blocker`} text={problem} />
    </fieldset>
  );
}
