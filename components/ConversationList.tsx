import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useRef } from 'react';
import { i18n } from '#i18n';
import type { RowThread } from '@/utils/panel/thread-state';
import type { Conversation } from '@/utils/schemas';
import { ConversationRow } from './ConversationRow';

interface Props {
  conversations: Conversation[];
  now: number;
  onOpen: (conversation: Conversation) => void;
  threadOf: (conversation: Conversation) => RowThread;
}

/** Below this many rows the list renders plainly; above, only the rows in view exist in the page. */
export const VIRTUALISE_ABOVE = 100;
/** A row's usual height (subject, details, excerpt, the messages button); rows measure themselves once drawn. */
export const ROW_HEIGHT = 96;

const keyOf = (c: Conversation) => `${c.source}/${c.id}`;

// A scroller without layout (a hidden panel, jsdom) reports 0×0; assume a panel's size rather than show no rows.
const ASSUMED_RECT = { width: 360, height: 600 };
const observeRect: typeof observeElementRect = (instance, onRect) =>
  observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : ASSUMED_RECT));

/** ↑/↓ move between rows (to each row's messages button, or its link where there are no messages). */
function moveBetweenRows(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const row = (event.target as HTMLElement).closest('li.conversation');
  const targets = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-row-target]')];
  const at = targets.findIndex((target) => target.closest('li.conversation') === row);
  const next = at < 0 ? undefined : targets[at + (event.key === 'ArrowDown' ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

export function ConversationList({ conversations, now, onOpen, threadOf }: Props) {
  if (conversations.length > VIRTUALISE_ABOVE) {
    return <VirtualList conversations={conversations} now={now} onOpen={onOpen} threadOf={threadOf} />;
  }
  return (
    <ul aria-label={i18n.t('panel.history.title')} className="conversations" onKeyDown={moveBetweenRows}>
      {conversations.map((c) => (
        <ConversationRow key={keyOf(c)} conversation={c} now={now} onOpen={onOpen} thread={threadOf(c)} />
      ))}
    </ul>
  );
}

function VirtualList({ conversations, now, onOpen, threadOf }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // A row with no layout yet (a hidden panel, jsdom) keeps the estimate: measuring 0 would re-render it for ever.
  const measure = (row: HTMLLIElement | null) => {
    if (row && row.getBoundingClientRect().height > 0) virtualizer.measureElement(row);
  };
  const virtualizer: Virtualizer<HTMLDivElement, Element> = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => (conversations[index] ? keyOf(conversations[index]) : index),
    // Rows beyond the view exist already, so Tab moves on to them and the browser scrolls them in.
    overscan: 8,
    initialRect: ASSUMED_RECT,
    observeElementRect: observeRect,
  });
  return (
    <div ref={scroller} className="conversation-scroll">
      <ul
        aria-label={i18n.t('panel.history.title')}
        className="conversations virtual"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={moveBetweenRows}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const c = conversations[item.index];
          if (!c) return null;
          return (
            <ConversationRow
              key={item.key}
              conversation={c}
              now={now}
              onOpen={onOpen}
              thread={threadOf(c)}
              virtual={{
                style: { transform: `translateY(${item.start}px)` },
                position: item.index + 1,
                of: conversations.length,
                index: item.index,
                measure,
              }}
            />
          );
        })}
      </ul>
    </div>
  );
}
