import { i18n } from '#i18n';
import type { CustomerShown } from '@/utils/panel/history-state';

interface Props {
  customer: CustomerShown;
  ticket: { id: string; subject?: string };
  /** "3 conversations · 1 open · …"; undefined while the history loads. */
  summary?: string;
  /** Why the helpdesk could not complete the case. */
  lookupProblem?: string;
}

export function CustomerHeader({ customer, ticket, summary, lookupProblem }: Props) {
  const { name, email, organisation } = customer;
  // With no name the email is the title already.
  const contact = email === name ? undefined : email;
  return (
    <section aria-label={i18n.t('panel.customer')} className="customer">
      <h1 className="title">{name}</h1>
      {(contact || organisation) && (
        <p className="muted customer-contact">
          {contact && <span>{contact}</span>}
          {organisation && <span>{organisation}</span>}
        </p>
      )}
      {summary && <p className="summary">{summary}</p>}
      <p className="ticket">
        <span className="ticket-id">#{ticket.id}</span> {ticket.subject}
      </p>
      {lookupProblem && (
        <p role="status" className="notice">
          {lookupProblem}
        </p>
      )}
    </section>
  );
}
