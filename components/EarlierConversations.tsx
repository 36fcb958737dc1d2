import { useConversations } from '@/utils/panel/hooks';
import type { TabCase } from '@/utils/schemas';

export function EarlierConversations({ tabCase }: { tabId?: number; tabCase: TabCase }) {
  const all = useConversations(tabCase.customerKey);
  const current = tabCase.case;
  const earlier = all?.filter(
    (c) => !(c.id === current?.ticketId && c.source === `${current.helpdesk}:${current.host}`),
  );
  return (
    <section className="history">
      <h2 className="heading">Earlier conversations</h2>
      {earlier === undefined ? (
        <p className="muted">Loading…</p>
      ) : earlier.length === 0 ? (
        <p className="muted">No earlier conversations.</p>
      ) : (
        <ul aria-label="Earlier conversations" className="conversations">
          {earlier.map((c) => (
            <li key={`${c.source}/${c.id}`}>
              <span className="subject">{c.subject}</span> <span className="status">{c.status}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
