import { i18n } from '#i18n';
import type { ThreadReading } from '@/utils/panel/thread-state';
import { useThread } from '@/utils/panel/thread-state';
import type { Conversation, ThreadAuthor } from '@/utils/schemas';
import { absoluteDate, isoDate, relativeTime } from '@/utils/time';

interface Props {
  conversation: Conversation;
  id: string;
  now: number;
  reading?: ThreadReading;
  onRetry: () => void;
}

const WHO: Record<ThreadAuthor, () => string> = {
  customer: () => i18n.t('panel.thread.customer'),
  agent: () => i18n.t('panel.thread.agent'),
  other: () => i18n.t('panel.thread.other'),
};

/** An earlier conversation's messages in order, internal notes marked; the cache shows while it is read again. */
export function ThreadView({ conversation, id, now, reading, onRetry }: Props) {
  const thread = useThread(conversation);
  const messages = thread?.messages ?? [];
  const problem = reading?.state === 'failed' ? reading.message : thread?.problem?.message;
  return (
    <section id={id} aria-label={i18n.t('panel.thread.label', { subject: conversation.subject })} className="thread">
      {problem && (
        <div role="alert" className="banner">
          <p>{problem}</p>
          <button type="button" onClick={onRetry}>
            {i18n.t('common.retry')}
          </button>
        </div>
      )}
      {messages.length === 0 ? (
        <p className="muted" aria-busy={reading?.state === 'reading'}>
          {reading?.state === 'reading' || thread === undefined
            ? i18n.t('panel.thread.reading')
            : i18n.t('panel.thread.empty')}
        </p>
      ) : (
        <ol className="thread-messages">
          {messages.map((m) => (
            <li key={m.id} className={`message message--${m.author}${m.internal ? ' message--internal' : ''}`}>
              <p className="message-head">
                <strong>{m.authorName ?? WHO[m.author]()}</strong>
                {m.internal && <span className="internal-mark">{i18n.t('panel.thread.internal')}</span>}
                <time dateTime={isoDate(m.createdAt)} title={absoluteDate(m.createdAt)}>
                  {relativeTime(m.createdAt, now)}
                </time>
              </p>
              <p className="message-body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
