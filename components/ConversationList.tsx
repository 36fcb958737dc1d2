import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { Conversation } from '@/utils/schemas';
import { ConversationRow } from './ConversationRow';

interface Props {
  conversations: Conversation[];
  now: number;
  onOpen: (conversation: Conversation) => void;
}

/** Below this many rows the list renders plainly; above, only the rows in view exist in the page. */
export const VIRTUALISE_ABOVE = 100;
/** Rows are one line each of subject, details and excerpt, so every row has this height. */
export const ROW_HEIGHT = 76;

const LIST_NAME = 'Earlier conversations';
const keyOf = (c: Conversation) => `${c.source}/${c.id}`;

// A scroller without layout (a hidden panel, jsdom) reports 0×0; assume a panel's size rather than show no rows.
const ASSUMED_RECT = { width: 360, height: 600 };
const observeRect: typeof observeElementRect = (instance, onRect) =>
  observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : ASSUMED_RECT));

export function ConversationList({ conversations, now, onOpen }: Props) {
  if (conversations.length > VIRTUALISE_ABOVE) {
    return <VirtualList conversations={conversations} now={now} onOpen={onOpen} />;
  }
  return (
    <ul aria-label={LIST_NAME} className="conversations">
      {conversations.map((c) => (
        <ConversationRow key={keyOf(c)} conversation={c} now={now} onOpen={onOpen} />
      ))}
    </ul>
  );
}

function VirtualList({ conversations, now, onOpen }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
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
      <ul aria-label={LIST_NAME} className="conversations virtual" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const c = conversations[item.index];
          if (!c) return null;
          return (
            <ConversationRow
              key={item.key}
              conversation={c}
              now={now}
              onOpen={onOpen}
              virtual={{
                style: { height: item.size, transform: `translateY(${item.start}px)` },
                position: item.index + 1,
                of: conversations.length,
              }}
            />
          );
        })}
      </ul>
    </div>
  );
}
