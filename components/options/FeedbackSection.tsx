import { useId } from 'react';
import { i18n } from '#i18n';
import { KudosStatus } from '@/components/kudos/KudosStatus';
import { useFeedbackChannel } from '@/utils/feedback/channel-settings';
import { useFeedbackRetry, useSentFeedback } from '@/utils/feedback/hooks';
import type { Feedback } from '@/utils/feedback/schema';
import { absoluteDate } from '@/utils/time';
import { FormActions } from '../FormActions';
import { ChannelFields } from './ChannelFields';
import { ManagedNote } from './ManagedNote';
import { OutcomeView } from './OutcomeView';

/** Options → where reps' "Suggest a change" and "This got in my way" go, and what this rep sent with its state. */
export function FeedbackSection() {
  return (
    <section aria-labelledby="feedback-title" className="options-section">
      <h2 id="feedback-title" className="heading">
        {i18n.t('options.feedback.title')}
      </h2>
      <p className="muted">{i18n.t('options.feedback.intro')}</p>
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
        {i18n.t('options.feedback.loading')}
      </p>
    );
  }
  return (
    <form className="form delivery" aria-label={i18n.t('options.feedback.channel')} onSubmit={channel.save} noValidate>
      <ManagedNote managed={managed} />
      <fieldset className="managed-fields" disabled={managed}>
        <ChannelFields
          label={i18n.t('options.feedback.to')}
          draft={draft}
          saved={saved}
          keptHint={i18n.t('options.feedback.keptHint')}
          webhookHint={i18n.t('options.feedback.webhookHint')}
          onKind={channel.setKind}
          onUrl={channel.setUrl}
          onSecret={channel.setSecret}
          onRemoveSecret={channel.removeSecret}
        />
        <FormActions submit={i18n.t('options.feedback.save')} />
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
      <h3 className="subheading">{i18n.t('options.feedback.sent')}</h3>
      {sent.length === 0 ? (
        <p className="muted">{i18n.t('options.feedback.none')}</p>
      ) : (
        <ul aria-label={i18n.t('options.feedback.sentList')} className="sent-feedback">
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
      ? i18n.t('options.feedback.suggested')
      : i18n.t(`options.feedback.blocked.${feedback.blocker ?? 'unsaid'}`);
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
      {feedback.wording && <p className="muted">{i18n.t('options.feedback.wording', { wording: feedback.wording })}</p>}
      <KudosStatus kudos={feedback} />
      {(feedback.state === 'failed' || feedback.state === 'retrying') && (
        <button type="button" aria-describedby={headId} onClick={retry}>
          {i18n.t('common.retry')}
        </button>
      )}
      {error && <p className="error">{error}</p>}
    </li>
  );
}
