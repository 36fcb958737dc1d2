// Praise noticed in what a customer wrote: a good rating's comment or a message of this case that thanks or praises
// someone, so the rep can pass it on with one click. The starter playbook is in English, and so are these cues. Pure.
import { i18n } from '#i18n';
import type { Conversation, ThreadMessage } from '../schemas';

/** Words that praise or thank. */
const PRAISE =
  /\b(thanks?|thank you|thx|cheers|grateful|appreciated?|brilliant|great|amazing|excellent|fantastic|awesome|superb|wonderful|outstanding|helpful|lovely|perfect|star|legend|kind|patient|quick(ly)?|fast|sorted|spot on|above and beyond|well done|much better)\b/i;

/**
 * What turns thanks into a complaint: sarcasm ("thanks for nothing"), a "but" after the thanks, a problem still there,
 * or plain anger. Any of them anywhere and the text is not offered as praise: a missed compliment costs less than
 * forwarding a complaint as praise.
 */
const COMPLAINT = [
  /\bthanks?( you)?( a lot| very much)? for (nothing|wasting|the runaround|making)\b/i,
  /\bno thanks\b/i,
  /\b(thanks?|thank you)\b[^.!?]{0,20}\bbut\b/i,
  /\b(still|again)\b[^.!?]{0,30}\b(broken|not|no|wrong|waiting|charged|missing|failing|nothing|charging)\b/i,
  /\b(not|never|nobody|no one)\b[^.!?]{0,20}\b(helpful|help(ed)?|fixed|solved|resolved|working|works|answered|happy|good|great)\b/i,
  /\b(useless|terrible|awful|horrible|worst|disappointed|disappointing|ridiculous|unacceptable|rude|waste)\b/i,
  /\b(three|3|four|4|five|5) times\b/i,
  /\byeah,? right\b/i,
];

/** A closing line: "Thanks,", "Many thanks", "Best regards", or the name under it (one or two words). */
const SIGN_OFF =
  /^((many |kind )?(thanks|thank you|cheers|regards|best( wishes| regards)?|kind regards)[,.!]?|[\p{L}'.-]+( [\p{L}'.-]+)?)$/iu;

/** The message without its greeting-card ending: "Thanks, Hannah" under a request is politeness, not praise. */
function withoutSignOff(text: string): string {
  const lines = text.trim().split(/\n/);
  while (lines.length > 1 && SIGN_OFF.test((lines.at(-1) ?? '').trim())) lines.pop();
  return lines.join('\n').trim();
}

/** Thanks for what has not happened yet is a request. */
const REQUEST = /\b(thanks?|thank you)( you)? in advance\b|\bcould you\b|\bcan you\b|\bplease\b[^.!?]*\?/i;

/** Whether what the customer wrote praises or thanks someone, and is not a complaint wearing a "thanks". */
export function praises(text: string): boolean {
  const words = withoutSignOff(text);
  if (!words || !PRAISE.test(words) || REQUEST.test(words)) return false;
  return !COMPLAINT.some((pattern) => pattern.test(words));
}

export interface NoticedPraise {
  /** The customer's words, as they wrote them (the composer masks them). */
  quote: string;
  /** The teammate to praise: the one named in the words, else who handled that conversation. */
  recipient?: string;
  /** Where the words come from, for the rep: "rating of “Still charged twice”". */
  from: string;
  /** Stable, to key the offer. */
  key: string;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The teammate the words name, by full or first name, among `people` (handlers, then the roster); the first found
 * wins. A first name shared by two people names neither.
 */
export function namedIn(text: string, people: readonly string[]): string | undefined {
  const words = fold(text);
  const has = (name: string) => new RegExp(`(^|[^\\p{L}])${literally(fold(name))}($|[^\\p{L}])`, 'u').test(words);
  const full = people.find((p) => p.includes(' ') && has(p));
  if (full) return full;
  const byFirst = [...new Set(people)].filter((p) => has(p.split(/\s+/)[0] ?? p));
  return byFirst.length === 1 ? byFirst[0] : undefined;
}

/**
 * Praise in the customer's words: good ratings' comments of earlier conversations (newest first), then what the
 * customer wrote in this case. `people`: names to match a named teammate against (handlers and the roster).
 */
export function noticePraise(
  earlier: readonly Conversation[],
  caseMessages: readonly ThreadMessage[],
  people: readonly string[],
  caseHandler?: string,
): NoticedPraise[] {
  const fromRatings = earlier.flatMap((c) => {
    const comment = c.satisfactionComment?.trim();
    if (c.satisfaction !== 'good' || !comment || !praises(comment)) return [];
    const recipient = namedIn(comment, people) ?? c.assignee?.name?.trim();
    return [
      {
        quote: comment,
        recipient,
        from: i18n.t('praise.fromRating', { subject: c.subject }),
        key: `${c.source}/${c.id}`,
      },
    ];
  });
  const fromCase = caseMessages.flatMap((m) => {
    if (m.author !== 'customer' || m.internal || !praises(m.body)) return [];
    const quote = m.body.trim();
    return [
      { quote, recipient: namedIn(quote, people) ?? caseHandler, from: i18n.t('praise.fromCase'), key: `case/${m.id}` },
    ];
  });
  return [...fromRatings, ...fromCase];
}
