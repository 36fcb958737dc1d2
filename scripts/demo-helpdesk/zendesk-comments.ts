// A demo ticket's comments, as Zendesk's List Comments answers them (GET /api/v2/tickets/{id}/comments.json): the
// customer's description, the handling agent's internal note and public reply, and the customer's thanks where they
// rated the ticket well. Derived from the ticket, so the same seed always gives the same thread.

import { json, type Reply } from './replies';
import { findUser, iso, type Seed, type SeedTicket, type SeedUser } from './seed';

const MINUTE = 60_000;

const REPLIES: Record<string, string> = {
  Billing:
    'I have refunded the duplicate charge; it shows on your statement within 5 working days. I will check on Friday that it has gone through and write to you either way.',
  Technical:
    'I reproduced the problem and our engineers have a fix scheduled for Thursday. I will write as soon as it is live, and you can reply here any time before then.',
  Shipping:
    'I have asked the carrier to trace the parcel and booked a replacement in case it is lost. You will have a tracking number from me by tomorrow noon.',
};
const NOTE = 'Read the earlier tickets before replying; the same account had this last month.';

const firstName = (user: SeedUser | undefined) => user?.name.split(/\s+/)[0] ?? 'there';

interface Comment {
  id: number;
  author: SeedUser | undefined;
  body: string;
  isPublic: boolean;
  at: number;
}

function commentsOf(seed: Seed, ticket: SeedTicket): Comment[] {
  const created = Date.parse(ticket.created_at);
  const requester = findUser(seed, ticket.requester_id);
  const agent = ticket.assignee_id === null ? undefined : findUser(seed, ticket.assignee_id);
  const group = seed.groups.find((g) => g.id === ticket.group_id)?.name ?? 'Technical';
  const id = (n: number) => ticket.id * 10 + n;
  const comments: Comment[] = [{ id: id(1), author: requester, body: ticket.description, isPublic: true, at: created }];
  if (agent) {
    comments.push(
      { id: id(2), author: agent, body: NOTE, isPublic: false, at: created + 20 * MINUTE },
      {
        id: id(3),
        author: agent,
        body: `Hi ${firstName(requester)},\n\n${REPLIES[group] ?? REPLIES.Technical}\n\n${agent.name}`,
        isPublic: true,
        at: created + 45 * MINUTE,
      },
    );
  }
  const thanks = ticket.satisfaction_rating.score === 'good' ? ticket.satisfaction_rating.comment : undefined;
  if (thanks) comments.push({ id: id(4), author: requester, body: thanks, isPublic: true, at: created + 90 * MINUTE });
  return comments;
}

/** The comments of a ticket, oldest first, in one page (a demo thread is short), with their authors. */
export function ticketComments(seed: Seed, ticket: SeedTicket, origin: string): Reply {
  const comments = commentsOf(seed, ticket);
  const authors = [...new Map(comments.flatMap((c) => (c.author ? [[c.author.id, c.author]] : []))).values()];
  return json(200, {
    comments: comments.map((c) => ({
      id: c.id,
      type: 'Comment',
      author_id: c.author?.id ?? -1,
      body: c.body,
      html_body: `<div class="zd-comment"><p>${c.body.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p></div>`,
      plain_body: c.body,
      public: c.isPublic,
      attachments: [],
      audit_id: c.id + 1,
      via: { channel: c.isPublic ? ticket.via.channel : 'web', source: { from: {}, to: {}, rel: null } },
      created_at: iso(c.at),
      metadata: { system: {}, custom: {} },
    })),
    users: authors.map((u) => ({ url: `${origin}/api/v2/users/${u.id}.json`, ...u, active: true })),
    meta: { has_more: false, after_cursor: null, before_cursor: null },
    links: { prev: null, next: null },
  });
}
