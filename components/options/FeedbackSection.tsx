import { useId } from 'react';
import { KudosStatus } from '@/components/kudos/KudosStatus';
import { useFeedbackChannel } from '@/utils/feedback/channel-settings';
import { useFeedbackRetry, useSentFeedback } from '@/utils/feedback/hooks';
import { BLOCKER_LABELS, type Feedback } from '@/utils/feedback/schema';
import { absoluteDate } from '@/utils/time';
import { ChannelFields } from './ChannelFields';
import { ManagedNote } from './ManagedNote';
import { OutcomeView } from './OutcomeView';

const WEBHOOK_HINT =
  'Kept POSTs each piece of feedback as JSON (schema kept.feedback/v1) to this https address. Your browser asks to let Kept reach its host when you save.';

/** Options → where reps' "Suggest a change" and "This got in my way" go, and what this rep sent with its state. */
export function FeedbackSection() {
  return (
    <section aria-labelledby="feedback-title" className="options-section">
      <h2 id="feedback-title" className="heading">
        Playbook feedback
      </h2>
      <p className="muted">
        Reps suggest changes to a behaviour, or say what got in their way, from the side panel. It goes to whoever owns
        the playbook, with the case link; never the customer’s name or email.
      </p>
      <FeedbackChannelForm />
      <SentFeedback />
    </section>
  );
}

function FeedbackChannelForm() {
  const channel = useFeedbackChannel();
  const { saved, managed, draft, outcome } = channel;
  if (!saved) {
    return (
      <p className="muted" aria-busy="true">
        Loading the feedback channel…
      </p>
    );
  }
  return (
    <form className="form delivery" aria-label="Playbook feedback channel" onSubmit={channel.save} noValidate>
      <ManagedNote managed={managed} />
      <fieldset className="managed-fields" disabled={managed}>
        <ChannelFields
          label="Send playbook feedback to"
          draft={draft}
          saved={saved}
          keptHint="Feedback is saved in this browser only; nobody else sees it."
          webhookHint={WEBHOOK_HINT}
          onKind={channel.setKind}
          onUrl={channel.setUrl}
          onSecret={channel.setSecret}
          onRemoveSecret={channel.removeSecret}
        />
        <div className="form-actions">
          <button type="submit" className="primary">
            Save feedback channel
          </button>
        </div>
      </fieldset>
      <OutcomeView outcome={outcome} />
    </form>
  );
}

function SentFeedback() {
  const sent = useSentFeedback();
  if (!sent) return null;
  return (
    <>
      <h3 className="subheading">What you sent</h3>
      {sent.length === 0 ? (
        <p className="muted">
          Nothing yet. Use “Suggest a change” or “This got in my way” under a behaviour in the panel.
        </p>
      ) : (
        <ul aria-label="Feedback you sent" className="sent-feedback">
          {sent.map((feedback) => (
            <SentItem key={feedback.id} feedback={feedback} />
          ))}
        </ul>
      )}
    </>
  );
}

function SentItem({ feedback }: { feedback: Feedback }) {
  const { retry, error } = useFeedbackRetry(feedback.id);
  const headId = useId();
  const what =
    feedback.kind === 'suggestion'
      ? 'Suggested a change'
      : `Got in the way${feedback.blocker ? ` (${BLOCKER_LABELS[feedback.blocker].toLowerCase()})` : ''}`;
  return (
    <li className="sent-feedback-item">
      <p id={headId}>
        <strong>{what}</strong>: “{feedback.behaviour.text}”
      </p>
      <p className="muted">
        {absoluteDate(feedback.createdAt)}
        {feedback.case && (
          <>
            {' · '}
            <a href={feedback.case.url} target="_blank" rel="noreferrer">
              {feedback.case.helpdesk} #{feedback.case.ticketId}
            </a>
          </>
        )}
      </p>
      <p>{feedback.message}</p>
      {feedback.wording && <p className="muted">New wording: {feedback.wording}</p>}
      <KudosStatus kudos={feedback} />
      {(feedback.state === 'failed' || feedback.state === 'retrying') && (
        <button type="button" aria-describedby={headId} onClick={retry}>
          Retry
        </button>
      )}
      {error && <p className="error">{error}</p>}
    </li>
  );
}
