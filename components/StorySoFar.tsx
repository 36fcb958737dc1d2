import { useState } from 'react';
import { i18n } from '#i18n';
import type { StorySoFar as Story } from '@/utils/history/story';
import { statusLabel } from '@/utils/history/summary';
import { sourceName } from '@/utils/panel/history-state';
import type { CopyState } from '@/utils/panel/recap-state';
import type { ThreadReading } from '@/utils/panel/thread-state';
import type { Conversation } from '@/utils/schemas';
import { absoluteDate, isoDate, relativeTime } from '@/utils/time';

interface Props {
  story: Story;
  now: number;
  /** How reading the last contact's thread goes; undefined where its helpdesk gives no messages. */
  lastReplyReading?: ThreadReading;
  /** The last contact's thread was read (possibly with no public reply in it). */
  lastThreadRead: boolean;
  onOpen: (conversation: Conversation) => void;
  copy: CopyState;
  onCopyRecap: () => void;
}

/** The reply's opening "Hi Hannah," takes a line of three; the short view starts after it. */
const withoutGreeting = (body: string) =>
  body.replace(/^\s*(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^\n]{0,40}\n+/i, '');

const RATED: Partial<Record<NonNullable<Conversation['satisfaction']>, () => string>> = {
  good: () => i18n.t('panel.story.ratedGood'),
  bad: () => i18n.t('panel.story.ratedBad'),
};

/** Right under the customer: the last contact, what we last told them, what is still open, their local time. */
export function StorySoFar({ story, now, lastReplyReading, lastThreadRead, onOpen, copy, onCopyRecap }: Props) {
  const { lastContact, openElsewhere, localTime, language } = story;
  return (
    <section aria-label={i18n.t('panel.story.title')} className="story">
      <h2 className="heading">{i18n.t('panel.story.title')}</h2>
      {lastContact ? (
        <dl className="story-facts">
          <dt>{i18n.t('panel.story.lastContact')}</dt>
          <dd>
            <LastContactLine contact={lastContact} now={now} onOpen={onOpen} />
          </dd>
          <dt>{i18n.t('panel.story.lastTold')}</dt>
          <dd>
            <LastReply story={story} reading={lastReplyReading} read={lastThreadRead} />
          </dd>
          {openElsewhere.length > 0 && (
            <>
              <dt>{i18n.t('panel.story.stillOpen')}</dt>
              <dd>
                <ul className="story-open">
                  {openElsewhere.map((c) => (
                    <li key={`${c.source}/${c.id}`}>
                      {c.subject}{' '}
                      <span className="muted">
                        ({sourceName(c.source)}, {statusLabel(c.status)})
                      </span>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <CustomerLocal localTime={localTime} language={language} />
        </dl>
      ) : (
        <>
          <p className="muted">{i18n.t('panel.story.firstContact')}</p>
          <dl className="story-facts">
            <CustomerLocal localTime={localTime} language={language} />
          </dl>
        </>
      )}
      <div className="story-actions">
        <button type="button" onClick={onCopyRecap}>
          {i18n.t('panel.story.copyRecap')}
        </button>
        <span role="status" className="muted">
          {copy.state === 'copied' ? i18n.t('panel.story.recapCopied') : copy.state === 'failed' ? copy.message : ''}
        </span>
      </div>
    </section>
  );
}

function CustomerLocal({ localTime, language }: Pick<Story, 'localTime' | 'language'>) {
  return (
    <>
      {localTime && (
        <>
          <dt>{i18n.t('panel.story.theirTime')}</dt>
          <dd>{localTime}</dd>
        </>
      )}
      {language && (
        <>
          <dt>{i18n.t('panel.story.language')}</dt>
          <dd>{language}</dd>
        </>
      )}
    </>
  );
}

function LastContactLine({
  contact,
  now,
  onOpen,
}: {
  contact: NonNullable<Story['lastContact']>;
  now: number;
  onOpen: Props['onOpen'];
}) {
  const { conversation: c, handler, outcome } = contact;
  const rating = c.satisfaction && RATED[c.satisfaction]?.();
  return (
    <>
      <time dateTime={isoDate(c.updatedAt)} title={absoluteDate(c.updatedAt)}>
        {relativeTime(c.updatedAt, now)}
      </time>
      {' · '}
      <button type="button" className="link" onClick={() => onOpen(c)}>
        {c.subject}
      </button>
      {' · '}
      {handler ? i18n.t('panel.story.handledBy', { name: handler }) : i18n.t('panel.story.handlerUnknown')} · {outcome}
      {rating && <span className={`rating rating--${c.satisfaction}`}> · {rating}</span>}
      {c.satisfactionComment && <q className="rating-comment">{c.satisfactionComment}</q>}
    </>
  );
}

function LastReply({ story, reading, read }: { story: Story; reading?: ThreadReading; read: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const reply = story.lastReply;
  if (reply) {
    return (
      <>
        <p className={expanded ? 'last-reply' : 'last-reply last-reply--short'}>
          {reply.authorName && <span className="muted">{reply.authorName}: </span>}
          {expanded ? reply.body : withoutGreeting(reply.body)}
        </p>
        <button type="button" className="link" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? i18n.t('panel.story.showLess') : i18n.t('panel.story.showWhole')}
        </button>
      </>
    );
  }
  if (reading === undefined) return <span className="muted">{i18n.t('panel.story.noMessages')}</span>;
  if (reading.state === 'failed') return <span className="muted">{reading.message}</span>;
  if (!read || reading.state === 'reading') return <span className="muted">{i18n.t('panel.story.reading')}</span>;
  return <span className="muted">{i18n.t('panel.story.noReply')}</span>;
}
