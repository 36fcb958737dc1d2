import { useId } from 'react';
import { type FeedbackScope, useBehaviourFeedback } from '@/utils/feedback/hooks';
import { BLOCKER_LABELS, type Blocker } from '@/utils/feedback/schema';
import type { Behaviour } from '@/utils/playbook/schema';
import { describedBy, FieldError } from './kudos/ComposerField';
import { OutcomeNote } from './options/OutcomeView';

const BLOCKERS = Object.keys(BLOCKER_LABELS) as Blocker[];

interface Props {
  behaviour: Behaviour;
  scope: FeedbackScope;
  /** The id of the behaviour's text, which describes both buttons (many behaviours have them). */
  describedById: string;
}

/** "Suggest a change" and "This got in my way" under one behaviour, each opening a short form for the owner. */
export function BehaviourFeedback({ behaviour, scope, describedById }: Props) {
  const feedback = useBehaviourFeedback(behaviour, scope);
  const { draft, problems } = feedback;
  const id = useId();
  const formName = draft?.kind === 'suggestion' ? 'Suggest a change' : 'This got in my way';
  return (
    <div className="behaviour-feedback">
      <p className="behaviour-feedback-actions">
        <button
          type="button"
          className="link-button"
          aria-expanded={draft?.kind === 'suggestion'}
          aria-describedby={describedById}
          onClick={() => feedback.toggle('suggestion')}
        >
          Suggest a change
        </button>
        <button
          type="button"
          className="link-button"
          aria-expanded={draft?.kind === 'blocker'}
          aria-describedby={describedById}
          onClick={() => feedback.toggle('blocker')}
        >
          This got in my way
        </button>
      </p>
      {draft && (
        <form className="form feedback-form" aria-label={formName} onSubmit={feedback.submit} noValidate>
          {draft.kind === 'blocker' && (
            <fieldset aria-describedby={describedBy(problems.blocker && `${id}-blocker`)}>
              <legend>What got in the way?</legend>
              {BLOCKERS.map((blocker) => (
                <label key={blocker} className="check">
                  <input
                    type="radio"
                    name={`${id}-blocker`}
                    checked={draft.blocker === blocker}
                    onChange={() => feedback.setBlocker(blocker)}
                  />
                  {BLOCKER_LABELS[blocker]}
                </label>
              ))}
              <FieldError id={`${id}-blocker`} text={problems.blocker} />
            </fieldset>
          )}
          <label>
            {draft.kind === 'suggestion' ? 'Why should it change?' : 'What happened?'}
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
          {draft.kind === 'suggestion' && (
            <label>
              New wording (optional)
              <textarea
                rows={2}
                maxLength={1000}
                value={draft.wording}
                onChange={(e) => feedback.setWording(e.target.value)}
              />
            </label>
          )}
          <p className="muted hint">Goes to whoever owns the playbook, with a link to this case; never the customer.</p>
          <div className="form-actions">
            <button type="submit" className="primary">
              Send
            </button>
            <button type="button" onClick={feedback.cancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <OutcomeNote outcome={feedback.outcome} />
    </div>
  );
}
