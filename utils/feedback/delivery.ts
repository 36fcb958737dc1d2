// What the playbook owner's channel gets for a rep's feedback: a Slack message, a Teams card, or the
// `kept.feedback/v1` body of a generic webhook. Pure builders; one attempt goes out like a kudos (utils/kudos/delivery.ts).
import * as z from 'zod/mini';
import {
  type AttemptOptions,
  adaptiveCard,
  attemptRequest,
  type ChannelTarget,
  caseLabel,
  channelRequest,
  clip,
  type DeliveryOutcome,
  mrkdwnSection,
  richText,
  run,
  SLACK_HEADER_MAX,
  SLACK_SECTION_MAX,
  slackChunks,
  slackEscape,
  slackLink,
} from '../kudos/delivery';
import { text } from '../schemas/common';
import { BLOCKER_LABELS, Blocker, type Feedback, FeedbackCase, FeedbackKind } from './schema';

/**
 * The body Kept POSTs to a generic webhook for one piece of feedback, schema `kept.feedback/v1`. JSON, UTF-8; absent
 * fields are left out, never null; every retry sends the same body. Headers and answers as for `kept.kudos/v1`.
 *
 * - `schema`: always "kept.feedback/v1". A breaking change gets a new name.
 * - `id`: the feedback's id; also the `Idempotency-Key` header. The same id may arrive more than once: keep the first.
 * - `createdAt`: when the rep wrote it, ISO 8601 UTC.
 * - `kind`: "suggestion" (Suggest a change) or "blocker" (This got in my way).
 * - `from`: `{ name, email? }`, the rep; `role`: `{ id, name }`?, the rep's role.
 * - `promise`: `{ id, title }`; `behaviour`: `{ id, text }`, as the rep's playbook had them.
 * - `message`: why the change, or what happened, in the rep's words (masked like a kudos quote), up to 2,000.
 * - `wording`: the wording the rep suggests instead (suggestions only), up to 1,000.
 * - `blocker`: "policy" | "tool" | "time" | "other", what got in the way (blockers only).
 * - `case`: `{ helpdesk, ticketId, url }`, the case the rep was on. Never the customer's name, email or the subject.
 */
export const FeedbackBodyV1 = z.object({
  schema: z.literal('kept.feedback/v1'),
  id: text(64),
  createdAt: z.iso.datetime(),
  kind: FeedbackKind,
  from: z.object({ name: text(200), email: z.optional(text(320)) }),
  role: z.optional(z.object({ id: text(100), name: text(200) })),
  promise: z.object({ id: text(100), title: text(300) }),
  behaviour: z.object({ id: text(100), text: text(1000) }),
  message: text(2000).check(z.minLength(1)),
  wording: z.optional(text(1000)),
  blocker: z.optional(Blocker),
  case: z.optional(FeedbackCase),
});
export type FeedbackBodyV1 = z.infer<typeof FeedbackBodyV1>;

export function feedbackWebhookBody(feedback: Feedback): FeedbackBodyV1 {
  const { name, email } = feedback.from;
  return {
    schema: 'kept.feedback/v1',
    id: feedback.id,
    createdAt: new Date(feedback.createdAt).toISOString(),
    kind: feedback.kind,
    from: { name, ...(email ? { email } : {}) },
    ...(feedback.role ? { role: feedback.role } : {}),
    promise: feedback.promise,
    behaviour: feedback.behaviour,
    message: feedback.message,
    ...(feedback.wording ? { wording: feedback.wording } : {}),
    ...(feedback.blocker ? { blocker: feedback.blocker } : {}),
    ...(feedback.case
      ? { case: { helpdesk: feedback.case.helpdesk, ticketId: feedback.case.ticketId, url: feedback.case.url } }
      : {}),
  };
}

/** The headline, in the owner's words: what kind of feedback, on which behaviour. */
const headline = (feedback: Feedback): string =>
  feedback.kind === 'suggestion'
    ? `Suggested change to “${feedback.behaviour.text}”`
    : `Got in the way: “${feedback.behaviour.text}”`;

/** Who wrote it, and in which role. */
const byline = (feedback: Feedback): string =>
  feedback.role ? `${feedback.from.name} (${feedback.role.name})` : feedback.from.name;

/** The labelled lines under the rep's words: the blocker or the suggested wording, and the promise. */
function facts(feedback: Feedback): Array<[string, string]> {
  return [
    ...(feedback.blocker ? [['What got in the way', BLOCKER_LABELS[feedback.blocker]] as [string, string]] : []),
    ...(feedback.wording ? [['Suggested wording', feedback.wording] as [string, string]] : []),
    ['Promise', feedback.promise.title],
  ];
}

/** Block Kit for a Slack incoming webhook. */
export function feedbackSlackMessage(feedback: Feedback): object {
  const title = headline(feedback);
  const icon = feedback.kind === 'suggestion' ? '💡' : '🚧';
  const link = feedback.case ? slackLink(feedback.case.url, caseLabel(feedback.case)) : '';
  const blocks: object[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`${icon} ${title}`, SLACK_HEADER_MAX) } },
    mrkdwnSection(clip(`*${slackEscape(byline(feedback))}*`, SLACK_SECTION_MAX)),
    ...slackChunks(feedback.message).map(mrkdwnSection),
    mrkdwnSection(
      clip(
        facts(feedback)
          .map(([k, v]) => `*${k}:* ${slackEscape(v)}`)
          .join('\n'),
        SLACK_SECTION_MAX,
      ),
    ),
    { type: 'context', elements: [{ type: 'mrkdwn', text: [link, 'Sent with Kept'].filter(Boolean).join(' · ') }] },
  ];
  const fallback = [
    `${icon} ${slackEscape(title)}`,
    `${slackEscape(byline(feedback))}: ${slackEscape(feedback.message)}`,
  ];
  if (link) fallback.push(`Case: ${link}`);
  return { text: fallback.join('\n'), blocks };
}

/** An Adaptive Card for a Teams Workflows webhook (rep-written text in TextRuns, never read as markdown). */
export function feedbackTeamsMessage(feedback: Feedback): object {
  const body: object[] = [
    richText(run(headline(feedback), { size: 'Large', weight: 'Bolder' })),
    richText(run(byline(feedback), { weight: 'Bolder' })),
    richText(run(feedback.message)),
    ...facts(feedback).map(([k, v]) => richText(run(`${k}: `, { weight: 'Bolder' }), run(v))),
  ];
  const actions: object[] = [];
  if (feedback.case) {
    const open = { type: 'Action.OpenUrl', title: 'Open the case', url: feedback.case.url };
    body.push(richText(run(caseLabel(feedback.case), { color: 'Accent', selectAction: open })));
    actions.push(open);
  }
  body.push(richText(run('Sent with Kept', { isSubtle: true, size: 'Small' })));
  return adaptiveCard(body, actions);
}

const MESSAGES = { slack: feedbackSlackMessage, teams: feedbackTeamsMessage, webhook: feedbackWebhookBody };

/** One delivery attempt of a piece of feedback to the playbook owner's channel. */
export function deliverFeedback(
  target: ChannelTarget,
  feedback: Feedback,
  options: AttemptOptions = {},
): Promise<DeliveryOutcome> {
  return attemptRequest(target, (now) => channelRequest(target, feedback.id, MESSAGES[target.kind](feedback), now), {
    ...options,
    what: 'feedback',
  });
}
