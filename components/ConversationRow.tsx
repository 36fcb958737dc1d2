import type { CSSProperties, MouseEvent, Ref } from 'react';
import { i18n } from '#i18n';
import { channelLabel } from '@/utils/helpdesks/channels';
import { handlerOf } from '@/utils/history/story';
import { statusLabel } from '@/utils/history/summary';
import { isWebUrl, sourceName } from '@/utils/panel/history-state';
import type { RowThread } from '@/utils/panel/thread-state';
import type { Conversation } from '@/utils/schemas';
import { absoluteDate, isoDate, relativeTime } from '@/utils/time';
import { ThreadView } from './ThreadView';

interface Props {
  conversation: Conversation;
  now: number;
  onOpen: (conversation: Conversation) => void;
  thread: RowThread;
  /** Placement inside a virtualised list, where only some rows exist in the page. */
  virtual?: { style: CSSProperties; position: number; of: number; index: number; measure: Ref<HTMLLIElement> };
}

const HOUR = 60 * 60_000;

const RATING_TEXT: Partial<Record<NonNullable<Conversation['satisfaction']>, () => string>> = {
  good: () => i18n.t('panel.row.ratedGood'),
  bad: () => i18n.t('panel.row.ratedBad'),
  offered: () => i18n.t('panel.row.ratingOffered'),
};

function When({ label, at, now }: { label: string; at: number; now: number }) {
  return (
    <span>
      {label}{' '}
      <time dateTime={isoDate(at)} title={absoluteDate(at)}>
        {relativeTime(at, now)}
      </time>
    </span>
  );
}

const threadIdOf = (c: Conversation) => `thread-${c.source}-${c.id}`.replace(/[^\w-]/g, '_');

/**
 * One earlier conversation; the subject is a link that opens it in the helpdesk tab, and the whole row is its
 * target. Its "Messages" button expands the row in place to the conversation's thread.
 */
export function ConversationRow({ conversation: c, now, onOpen, thread, virtual }: Props) {
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // Ctrl/⌘/middle clicks keep the browser's own "open in a new tab".
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(c);
  };
  const rating = c.satisfaction && RATING_TEXT[c.satisfaction]?.();
  const handler = handlerOf(c);
  const threadId = threadIdOf(c);
  return (
    <li
      ref={virtual?.measure}
      data-index={virtual?.index}
      className="conversation"
      style={virtual?.style}
      aria-posinset={virtual?.position}
      aria-setsize={virtual?.of}
    >
      <div className="conversation-top">
        {isWebUrl(c.url) ? (
          <a
            className="conversation-link"
            href={c.url}
            onClick={open}
            data-row-target={thread.readable ? undefined : ''}
          >
            {c.subject}
          </a>
        ) : (
          <span className="conversation-link">{c.subject}</span>
        )}
        <span className={`status status--${c.status}`}>{statusLabel(c.status, c.statusName)}</span>
      </div>
      <p className="conversation-meta">
        {/* Always shown: one customer's history can span helpdesks, and it says where the link opens. */}
        <span className="source" title={c.source.slice(c.source.indexOf(':') + 1)}>
          {sourceName(c.source)}
        </span>
        {handler && <span>{handler}</span>}
        {rating && <span className={`rating rating--${c.satisfaction}`}>{rating}</span>}
        {channelLabel(c) && <span>{channelLabel(c)}</span>}
        <When label={i18n.t('panel.row.opened')} at={c.createdAt} now={now} />
        {c.updatedAt - c.createdAt > HOUR && <When label={i18n.t('panel.row.updated')} at={c.updatedAt} now={now} />}
      </p>
      {c.satisfactionComment && <q className="conversation-comment">{c.satisfactionComment}</q>}
      {c.excerpt && <p className="conversation-excerpt">{c.excerpt}</p>}
      {thread.readable ? (
        <button
          type="button"
          className="link row-toggle"
          data-row-target=""
          aria-expanded={thread.expanded}
          aria-controls={thread.expanded ? threadId : undefined}
          onClick={thread.onToggle}
        >
          {thread.expanded ? i18n.t('panel.row.hideMessages') : i18n.t('panel.row.showMessages')}
        </button>
      ) : (
        <p className="muted no-thread">{i18n.t('panel.row.noThread', { helpdesk: sourceName(c.source) })}</p>
      )}
      {thread.expanded && (
        <ThreadView conversation={c} id={threadId} now={now} reading={thread.reading} onRetry={thread.onRetry} />
      )}
    </li>
  );
}
