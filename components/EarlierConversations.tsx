import { useRef } from 'react';
import { i18n } from '#i18n';
import { useConversationFilter } from '@/utils/panel/history-state';
import { useSlashFocus } from '@/utils/panel/keyboard';
import type { RowThread } from '@/utils/panel/thread-state';
import type { Conversation } from '@/utils/schemas';
import { ConversationList } from './ConversationList';
import { HistoryFilter } from './HistoryFilter';

interface Props {
  /** The customer's other conversations, newest first; undefined while they load. */
  conversations: Conversation[] | undefined;
  now: number;
  onOpen: (conversation: Conversation) => void;
  threadOf: (conversation: Conversation) => RowThread;
}

const NONE: Conversation[] = [];

/** The filterable list of earlier conversations. Key it by customer: another customer starts unfiltered. */
export function EarlierConversations({ conversations, now, onOpen, threadOf }: Props) {
  const { filter, shown, setText, setStatus } = useConversationFilter(conversations ?? NONE);
  const filterField = useRef<HTMLInputElement>(null);
  useSlashFocus(filterField);
  if (conversations === undefined) {
    return (
      <p className="muted" aria-busy="true">
        {i18n.t('panel.history.loading')}
      </p>
    );
  }
  if (conversations.length === 0) return <p className="muted">{i18n.t('panel.history.none')}</p>;
  return (
    <>
      <HistoryFilter
        filter={filter}
        shown={shown.length}
        total={conversations.length}
        onText={setText}
        onStatus={setStatus}
        inputRef={filterField}
      />
      {shown.length === 0 ? (
        <p className="muted">{i18n.t('panel.history.noMatch')}</p>
      ) : (
        <ConversationList conversations={shown} now={now} onOpen={onOpen} threadOf={threadOf} />
      )}
    </>
  );
}
