import { useConversationFilter } from '@/utils/panel/history-state';
import type { Conversation } from '@/utils/schemas';
import { ConversationList } from './ConversationList';
import { HistoryFilter } from './HistoryFilter';

interface Props {
  /** The customer's other conversations, newest first; undefined while they load. */
  conversations: Conversation[] | undefined;
  now: number;
  onOpen: (conversation: Conversation) => void;
}

const NONE: Conversation[] = [];

/** The filterable list of earlier conversations. Key it by customer: another customer starts unfiltered. */
export function EarlierConversations({ conversations, now, onOpen }: Props) {
  const { filter, shown, setText, setStatus } = useConversationFilter(conversations ?? NONE);
  if (conversations === undefined) {
    return (
      <p className="muted" aria-busy="true">
        Loading earlier conversations…
      </p>
    );
  }
  if (conversations.length === 0) return <p className="muted">No earlier conversations</p>;
  return (
    <>
      <HistoryFilter
        filter={filter}
        shown={shown.length}
        total={conversations.length}
        onText={setText}
        onStatus={setStatus}
      />
      {shown.length === 0 ? (
        <p className="muted">No conversations match</p>
      ) : (
        <ConversationList conversations={shown} now={now} onOpen={onOpen} />
      )}
    </>
  );
}
