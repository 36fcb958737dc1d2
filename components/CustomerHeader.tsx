import type { TabCase } from '@/utils/schemas';

export function CustomerHeader({ tabCase }: { tabCase: TabCase }) {
  const c = tabCase.case;
  if (!c) return null;
  const { name, email, organisation } = c.customer;
  return (
    <section aria-label="Customer" className="customer">
      <h1 className="title">{name || email || 'Unknown customer'}</h1>
      {email && name && <p className="muted">{email}</p>}
      {organisation && <p className="muted">{organisation}</p>}
      <p className="ticket">
        <span className="ticket-id">#{c.ticketId}</span> {c.subject}
      </p>
      {tabCase.lookup && (
        <p role="status" className="notice">
          {tabCase.lookup.problem}
        </p>
      )}
    </section>
  );
}
