import type { Behaviour, Playbook } from './schema';

/*
 * The playbook Kept ships with, for teams that have not written their own yet. Every behaviour is something a
 * colleague could watch a rep do (or not do) on a real ticket or in the team's channels; slogans belong in the
 * promise, not here. Triggers (`when`) bring a behaviour to the top when the case calls for it (see
 * utils/playbook/choose.ts); each one fires on some ticket of the demo helpdesk. Routines a lead or rep does once a
 * day or week have that cadence. No role sees more than 20 behaviours: a list nobody reads keeps no promise.
 */

const FRONTLINE = 'frontline';
const TECHNICAL = 'technical';
const BILLING = 'billing';
const LEAD = 'team-lead';
const PARTNER = 'product-partner';
/** Everyone who answers customers directly, day to day. */
const AGENTS = [FRONTLINE, TECHNICAL, BILLING];

const noRepeat: Behaviour[] = [
  {
    id: 'read-history-first',
    promiseId: 'no-repeat',
    roles: 'all',
    text: 'Read the last three conversations before replying; never ask for details the customer already gave.',
    detail: 'If something really is missing, say what you already have and ask only for the gap.',
  },
  {
    id: 'recap-what-they-told-us',
    promiseId: 'no-repeat',
    roles: AGENTS,
    text: 'Open with one sentence that sums up what they have already told us, so they can see we know the story.',
    detail: 'For example: “You wrote on Monday that the export stops at 80% and that clearing the cache did not help.”',
    when: { signals: ['repeat-contact'] },
  },
  {
    id: 'one-reply-for-all-open',
    promiseId: 'no-repeat',
    roles: [FRONTLINE, TECHNICAL, LEAD],
    text: 'Link or merge the customer’s other open tickets and answer every open question in one reply.',
    detail: 'Tell them which ticket you merged into which, so they know where the conversation continues.',
    when: { signals: ['other-open'] },
  },
  {
    id: 'reproduce-before-asking',
    promiseId: 'no-repeat',
    roles: [TECHNICAL],
    text: 'Try to reproduce the problem from what the ticket already says, and check the logs and account, before asking the customer for steps.',
    detail: 'When you do need more, list what you already checked and ask for one diagnostic step at a time.',
  },
  {
    id: 'look-up-billing-history',
    promiseId: 'no-repeat',
    roles: [BILLING],
    text: 'Look up invoices, payments and plan changes yourself; never ask for an invoice number or amount the account already shows.',
  },
  {
    id: 'lead-reads-whole-thread',
    promiseId: 'no-repeat',
    roles: [LEAD],
    text: 'When a customer has written three times in a week, read the whole thread and agree with the owner what will close it this time.',
    when: { signals: ['repeat-contact'] },
  },
  {
    id: 'partner-asks-support',
    promiseId: 'no-repeat',
    roles: [PARTNER],
    text: 'Read the support summary and the customer’s own words before asking questions, and ask support, not the customer, for what is missing.',
  },
];

const ownIt: Behaviour[] = [
  {
    id: 'take-ownership',
    promiseId: 'own-it',
    roles: AGENTS,
    text: 'Take ownership: say you will see this through, assign it to yourself, and do not transfer it again without a warm handover.',
    detail:
      'A warm handover means you introduce the next person to the customer, pass on your summary and stay on the ticket until they confirm they have it.',
    when: { signals: ['repeat-contact'] },
  },
  {
    id: 'handover-with-summary',
    promiseId: 'own-it',
    roles: 'all',
    text: 'When you hand a ticket to another team, write the summary yourself and tell the customer who has it and when they will hear back.',
    example:
      'An internal note with the problem, what was tried and what happens next, and a reply naming the new owner.',
  },
  {
    id: 'stay-on-the-bug',
    promiseId: 'own-it',
    roles: [TECHNICAL],
    text: 'When you file a bug, link it on the ticket, stay the customer’s contact, and check the bug at least twice a week until it ships.',
  },
  {
    id: 'lead-takes-unhappy-case',
    promiseId: 'own-it',
    roles: [LEAD],
    text: 'When the last rating was bad, read that conversation, then either take the case yourself or tell the owner what must go differently.',
    when: { signals: ['last-rating-bad'] },
  },
  {
    id: 'one-owner-per-incident',
    promiseId: 'own-it',
    roles: [LEAD],
    text: 'During an incident, name one owner for the tagged tickets and check that every one of them gets each status update.',
    when: { tags: ['outage'] },
  },
  {
    id: 'partner-names-themselves',
    promiseId: 'own-it',
    roles: [PARTNER],
    text: 'Put your name on the escalation and post progress on the linked issue at least every two working days until it ships or is declined.',
  },
  {
    id: 'partner-answers-support',
    promiseId: 'own-it',
    roles: [PARTNER],
    text: 'Answer support’s questions on an escalation within one working day, even when the answer is “not yet”.',
  },
];

const tellTheTruth: Behaviour[] = [
  {
    id: 'next-update-time',
    promiseId: 'tell-the-truth',
    roles: 'all',
    text: 'Give a specific time for the next update (“by 3 pm tomorrow”), and update by then even if there is no news.',
  },
  {
    id: 'acknowledge-last-experience',
    promiseId: 'tell-the-truth',
    roles: AGENTS,
    text: 'Acknowledge the last experience in your first line, without excuses, and say what you will do differently this time.',
    detail: 'For example: “I can see our last conversation did not solve this, and I am sorry. This time I will …”',
    when: { signals: ['last-rating-bad'] },
  },
  {
    id: 'bad-news-first',
    promiseId: 'tell-the-truth',
    roles: [FRONTLINE, TECHNICAL],
    text: 'Give bad news in the first two sentences, with the reason and what you can do instead.',
    detail: 'Never hide a “no” at the end of a long reply.',
  },
  {
    id: 'incident-plain-status',
    promiseId: 'tell-the-truth',
    roles: [FRONTLINE, TECHNICAL],
    text: 'Confirm the incident plainly, link the status page and say when the next status update is due; do not guess a fix time.',
    when: { tags: ['outage'] },
  },
  {
    id: 'workaround-limits',
    promiseId: 'tell-the-truth',
    roles: [TECHNICAL],
    text: 'When you give a workaround, say what it does not fix and whether a permanent fix is planned; give a date only if engineering committed to one.',
  },
  {
    id: 'exact-amounts',
    promiseId: 'tell-the-truth',
    roles: [BILLING],
    text: 'For every charge you explain, quote the exact amount, date and invoice number; no “around” or “soon”.',
    when: { tags: ['billing', 'refund'] },
  },
  {
    id: 'on-hold-chase',
    promiseId: 'tell-the-truth',
    roles: AGENTS,
    text: 'While a ticket is on hold for another team, chase that team before the promised update time and tell the customer where it stands.',
    when: { statuses: ['hold'] },
  },
  {
    id: 'lead-owns-missed-update',
    promiseId: 'tell-the-truth',
    roles: [LEAD],
    text: 'When a promised update was missed, write to the customer yourself that day: say it was missed and give the new time.',
  },
  {
    id: 'lead-checks-due-updates',
    promiseId: 'tell-the-truth',
    roles: [LEAD],
    text: 'Each morning, list the tickets on hold or pending past their promised update time and give each one an owner for the day.',
    cadence: 'day',
  },
  {
    id: 'partner-realistic-dates',
    promiseId: 'tell-the-truth',
    roles: [PARTNER],
    text: 'Give support a date you are confident in, or say there is no date yet; tell support the same day if a date slips.',
  },
];

const makeItEasy: Behaviour[] = [
  {
    id: 'welcome-first-contact',
    promiseId: 'make-it-easy',
    roles: [FRONTLINE, BILLING],
    text: 'Welcome them, explain what happens next and how long it usually takes, and tell them they can simply reply to this message.',
    when: { signals: ['first-contact'] },
  },
  {
    id: 'no-jargon',
    promiseId: 'make-it-easy',
    roles: 'all',
    text: 'Write without internal names, ticket codes or jargon; if you need a technical term, explain it in the same sentence.',
  },
  {
    id: 'chat-short-and-timed',
    promiseId: 'make-it-easy',
    roles: [FRONTLINE, BILLING],
    text: 'On chat, reply within a minute, keep each message to two or three lines, and say so when you need a few minutes to check something.',
    detail:
      'Before transferring a chat, write a two-line summary into the transfer so the next person greets them by name and problem.',
    when: { channels: ['chat'] },
  },
  {
    id: 'call-recap-in-writing',
    promiseId: 'make-it-easy',
    roles: [FRONTLINE, BILLING],
    text: 'Before ending a call, recap what was agreed and who does what next, then send the same recap in writing.',
    detail: 'Check identity once per call and note on the ticket that it was checked, so nobody asks again.',
    when: { channels: ['voice'] },
  },
  {
    id: 'messaging-stay-in-app',
    promiseId: 'make-it-easy',
    roles: [FRONTLINE],
    text: 'On WhatsApp, SMS or other messaging apps, solve it in the app: one topic per message, and no request to “send us an email instead”.',
    when: { channels: ['messaging'] },
  },
  {
    id: 'pending-one-clear-ask',
    promiseId: 'make-it-easy',
    roles: AGENTS,
    text: 'When the ticket waits on the customer, end with one sentence saying exactly what you need from them, and remind them once after two working days.',
    when: { statuses: ['pending'] },
  },
  {
    id: 'do-it-for-them',
    promiseId: 'make-it-easy',
    roles: [BILLING],
    text: 'Make plan changes, refunds and invoice corrections yourself when policy allows, instead of sending the customer instructions.',
  },
  {
    id: 'refund-without-hoops',
    promiseId: 'make-it-easy',
    roles: [BILLING],
    text: 'For a refund within policy, approve it in this reply without asking the reason again, and give the amount and the date it will reach them.',
    when: { tags: ['refund'] },
  },
  {
    id: 'lead-removes-a-second-contact',
    promiseId: 'make-it-easy',
    roles: [LEAD],
    text: 'Each week, find the most common reason customers had to write twice and remove it with the owning team: a macro, an article or a fix.',
    cadence: 'week',
  },
  {
    id: 'lead-answers-customers',
    promiseId: 'make-it-easy',
    roles: [LEAD],
    text: 'Each week, answer at least five customer tickets yourself, from the queue as they come, and write down one step a customer should not have needed.',
    cadence: 'week',
  },
  {
    id: 'partner-fixes-the-cause',
    promiseId: 'make-it-easy',
    roles: [PARTNER],
    text: 'When you fix an escalated bug, also change the error message, setting or help article that would have let customers solve it alone.',
  },
];

const feedbackCounts: Behaviour[] = [
  {
    id: 'answer-the-rating-comment',
    promiseId: 'feedback-counts',
    roles: AGENTS,
    text: 'Read the comment on their last rating and answer it in your first lines: thank them for praise, or say what changed since the complaint.',
    when: { signals: ['last-rating-comment'] },
  },
  {
    id: 'log-feedback',
    promiseId: 'feedback-counts',
    roles: [FRONTLINE, TECHNICAL],
    text: 'When a customer suggests something or hits a gap, log it in the feedback tracker with their own words and a link to the ticket.',
  },
  {
    id: 'tag-the-root-cause',
    promiseId: 'feedback-counts',
    roles: [TECHNICAL],
    text: 'Tag every solved ticket with the product area and the root cause, so repeated problems show up in the weekly report.',
  },
  {
    id: 'log-confusing-charges',
    promiseId: 'feedback-counts',
    roles: [BILLING],
    text: 'When a charge confused the customer, log which line of the invoice or pricing page confused them, with a link to the ticket.',
    when: { tags: ['billing'] },
  },
  {
    id: 'raise-what-got-in-the-way',
    promiseId: 'feedback-counts',
    roles: AGENTS,
    text: 'When a policy, a tool or the time you have stops you doing one of these behaviours, press “This got in my way” on it that same day and say what blocked you.',
  },
  {
    id: 'praise-a-colleague',
    promiseId: 'feedback-counts',
    roles: AGENTS,
    text: 'Each week, send praise to one colleague for a promise you saw them keep, naming the case and what they did.',
    cadence: 'week',
  },
  {
    id: 'close-the-loop',
    promiseId: 'feedback-counts',
    roles: [LEAD, PARTNER],
    text: 'When a fix or feature customers asked for ships, write to every customer linked to it, in plain words, saying what changed.',
  },
  {
    id: 'reply-to-rating-comments',
    promiseId: 'feedback-counts',
    roles: [LEAD],
    text: 'Read every rating comment within one working day, reply personally to the unhappy ones, and share one lesson with the team.',
    when: { signals: ['last-rating-comment'] },
  },
  {
    id: 'share-praise-weekly',
    promiseId: 'feedback-counts',
    roles: [LEAD],
    text: 'Each week, share one customer quote with the team and send praise, by name, to a colleague or team who kept a promise.',
    cadence: 'week',
  },
  {
    id: 'lead-coaches-weekly',
    promiseId: 'feedback-counts',
    roles: [LEAD],
    text: 'Each week, read one conversation of each rep and tell them, in writing, one behaviour they kept in it and where.',
    cadence: 'week',
  },
  {
    id: 'lead-clears-blockers',
    promiseId: 'feedback-counts',
    roles: [LEAD],
    text: 'Each week, read what reps raised with “This got in my way” and “Suggest a change”, take the top one to its owner, and tell the team what changed.',
    cadence: 'week',
  },
  {
    id: 'partner-reads-tickets',
    promiseId: 'feedback-counts',
    roles: [PARTNER],
    text: 'Read at least five linked customer tickets before setting the priority of a fix, and write the decision and its reason on the issue.',
  },
  {
    id: 'partner-incident-voices',
    promiseId: 'feedback-counts',
    roles: [PARTNER],
    text: 'After an incident, read the affected customers’ tickets and put their words and numbers into the incident review.',
    when: { tags: ['outage'] },
  },
  {
    id: 'partner-sits-with-support',
    promiseId: 'feedback-counts',
    roles: [PARTNER],
    text: 'Each week, spend an hour with support reading new tickets about your area or listening to calls, and note one change to make.',
    cadence: 'week',
  },
];

export const DEFAULT_PLAYBOOK: Playbook = {
  version: 1,
  name: 'Kept starter playbook',
  updatedAt: '2026-11-01T00:00:00Z',
  reviewedBy: 'Kept',
  reviewedAt: '2026-11-01T00:00:00Z',
  promises: [
    {
      id: 'no-repeat',
      title: 'You never have to repeat yourself',
      summary: 'Whoever picks up your case already knows its story, so you tell it once.',
    },
    {
      id: 'own-it',
      title: 'We own your problem until it is solved',
      summary: 'One person sees your case through to the end, and a handover never means starting again.',
    },
    {
      id: 'tell-the-truth',
      title: 'We tell you the truth, and when you will hear from us next',
      summary: 'Straight answers, bad news included, and a specific time for the next update that we keep.',
    },
    {
      id: 'make-it-easy',
      title: 'We make it easy',
      summary: 'The fewest steps, messages and forms between you and a solution, in words you do not need to look up.',
    },
    {
      id: 'feedback-counts',
      title: 'Your feedback changes things',
      summary: 'What you tell us reaches the people who can act on it, and we tell you what came of it.',
    },
  ],
  roles: [
    {
      id: FRONTLINE,
      name: 'Frontline support',
      description:
        'Answers first on email, chat and phone, solves most cases and keeps the customer informed through any handover.',
    },
    {
      id: TECHNICAL,
      name: 'Technical support',
      description:
        'Tier 2: investigates what frontline cannot solve, reproduces problems, reads logs and files bugs with engineering.',
    },
    {
      id: BILLING,
      name: 'Billing',
      description: 'Handles invoices, payments, refunds, plan changes and account ownership.',
    },
    {
      id: LEAD,
      name: 'Team lead',
      description:
        'Takes escalations and unhappy customers, coaches the team and removes the reasons customers write twice.',
    },
    {
      id: PARTNER,
      name: 'Product/engineering partner',
      description:
        'A product manager or engineer on escalations: fixes the cause and tells support, and customers, what changed.',
    },
  ],
  behaviours: [...noRepeat, ...ownIt, ...tellTheTruth, ...makeItEasy, ...feedbackCounts],
  /** Words helpdesks and teams use for the same thing: a trigger on one fits tickets tagged with any of them. */
  tagAliases: {
    outage: ['incident', 'service_down', 'downtime'],
    refund: ['refund_request', 'money_back'],
    billing: ['invoice', 'invoices', 'payment'],
  },
};
