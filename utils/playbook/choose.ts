import { i18n } from '#i18n';
import { type CaseSignal, signalReason } from '../history/signals';
import type { CaseContext, ConversationStatus } from '../schemas';
import type { Behaviour, BehaviourWhen, BrandPromise, CaseSignalId, Channel, Playbook } from './schema';

/** What is known about the case in view that can bring behaviours to the top. */
export interface CaseFacts {
  signals: CaseSignalId[];
  tags: string[];
  /** The channel among Kept's, and the helpdesk's own word for it: a trigger may name either. */
  channel?: Channel;
  channelName?: string;
  status?: ConversationStatus;
}

/** The facts of a case as the panel has it: its signals, and the tags, channel and status the helpdesk gave. */
export function caseFactsOf(
  current: Partial<Pick<CaseContext, 'tags' | 'channel' | 'channelName' | 'status'>> | null | undefined,
  signals: readonly CaseSignal[] | undefined,
): CaseFacts {
  return {
    signals: (signals ?? []).map((s) => s.id),
    tags: current?.tags ?? [],
    channel: current?.channel,
    channelName: current?.channelName,
    status: current?.status,
  };
}

export interface ChosenBehaviour {
  behaviour: Behaviour;
  /** Why it fits this case, e.g. ["repeat contact"]; empty when it has no matching trigger. */
  reasons: string[];
}

export interface PromiseGroup {
  promise: BrandPromise;
  behaviours: ChosenBehaviour[];
}

const fold = (value: string) => value.trim().toLowerCase();

/** The organisation's tag synonyms, folded: each word to every word of its group (itself included). */
export type TagSynonyms = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * `tagAliases` as groups of words that mean one tag: `refund: [refund_request, money_back]` makes the three one
 * group, whichever of them a trigger or a ticket uses. A word in two groups joins both.
 */
export function tagSynonyms(aliases: Playbook['tagAliases']): TagSynonyms {
  const groups = new Map<string, Set<string>>();
  for (const [tag, synonyms] of Object.entries(aliases ?? {})) {
    const group = [tag, ...synonyms].map(fold).filter(Boolean);
    for (const word of group) {
      const known = groups.get(word) ?? new Set([word]);
      for (const other of group) known.add(other);
      groups.set(word, known);
    }
  }
  return groups;
}

const NO_SYNONYMS: TagSynonyms = new Map();

/** The values of one kind that the case has, as reasons; a kind with no values puts no condition on the case. */
function matching<T extends string>(
  wanted: readonly T[] | undefined,
  has: (value: T) => boolean,
  label: (v: T) => string,
) {
  if (!wanted || wanted.length === 0) return undefined;
  return [...new Set(wanted.filter(has).map(label))];
}

/** Whether the case has the tag, or one the organisation counts as the same (any case, any spelling of the group). */
function hasTag(caseTags: ReadonlySet<string>, tag: string, synonyms: TagSynonyms): boolean {
  const word = fold(tag);
  return [...(synonyms.get(word) ?? [word])].some((t) => caseTags.has(t));
}

/** A trigger's channel fits the case's channel among Kept's, or the helpdesk's own word for it. */
function hasChannel(facts: CaseFacts, channel: string): boolean {
  const word = fold(channel);
  return word !== '' && (word === facts.channel || word === fold(facts.channelName ?? ''));
}

/**
 * Why a behaviour fits the case: every kind of trigger given must match (signals, tags, channels, statuses), and
 * within a kind any one value will do. Tags match whatever their case, and through the organisation's synonyms.
 * No triggers, or any kind unmatched, gives no reasons.
 */
export function matchReasons(
  when: BehaviourWhen | undefined,
  facts: CaseFacts,
  synonyms: TagSynonyms = NO_SYNONYMS,
): string[] {
  if (!when) return [];
  const tags = new Set(facts.tags.map(fold));
  const kinds = [
    matching(
      when.signals,
      (s) => facts.signals.includes(s),
      (s) => signalReason(s),
    ),
    matching(
      when.tags,
      (t) => hasTag(tags, t, synonyms),
      (t) => i18n.t('behaviours.fitsTag', { tag: t.trim() }),
    ),
    matching(
      when.channels,
      (c) => hasChannel(facts, c),
      (c) => fold(c),
    ),
    matching(
      when.statuses,
      (s) => s === facts.status,
      (s) => s,
    ),
  ].filter((reasons) => reasons !== undefined);
  if (kinds.length === 0 || kinds.some((reasons) => reasons.length === 0)) return [];
  return kinds.flat();
}

const appliesTo = (behaviour: Behaviour, roleId: string) =>
  behaviour.roles === 'all' || behaviour.roles.includes(roleId);

const fits = (chosen: ChosenBehaviour) => chosen.reasons.length > 0;

/** Fitting items first, each part in its original order. */
const fittingFirst = <T>(items: T[], isFitting: (item: T) => boolean) => [
  ...items.filter(isFitting),
  ...items.filter((item) => !isFitting(item)),
];

/**
 * The role's behaviours (every role's, without one) grouped by promise: groups with behaviours that fit this case
 * first, and within a group the fitting ones first (each with its reasons); otherwise playbook order. Promises with
 * nothing for the role are left out.
 */
export function behavioursFor(playbook: Playbook, roleId: string | undefined, facts: CaseFacts): PromiseGroup[] {
  const byPromise = new Map<string, ChosenBehaviour[]>();
  const synonyms = tagSynonyms(playbook.tagAliases);
  for (const behaviour of playbook.behaviours) {
    if (roleId !== undefined && !appliesTo(behaviour, roleId)) continue;
    const chosen = { behaviour, reasons: matchReasons(behaviour.when, facts, synonyms) };
    const list = byPromise.get(behaviour.promiseId);
    if (list) list.push(chosen);
    else byPromise.set(behaviour.promiseId, [chosen]);
  }
  const groups = playbook.promises.flatMap((promise) => {
    const behaviours = byPromise.get(promise.id);
    return behaviours ? [{ promise, behaviours: fittingFirst(behaviours, fits) }] : [];
  });
  return fittingFirst(groups, (group) => group.behaviours.some(fits));
}

/** At most this many behaviours are open at first: a rep reads three, not thirty. */
export const FOCUSED = 3;

export interface FocusedBehaviours {
  /** The ones to do on this case: those that fit it first, then the role's most important (playbook order). */
  focused: ChosenBehaviour[];
  /** The role's other per-ticket behaviours, grouped by promise, behind "All behaviours for your role". */
  rest: PromiseGroup[];
  /** Routines done once a day or once a week, shown apart from the case. */
  daily: ChosenBehaviour[];
  weekly: ChosenBehaviour[];
}

const cadenceOf = (chosen: ChosenBehaviour) => chosen.behaviour.cadence ?? 'ticket';

/** The role's behaviours for this case, focused: a few per-ticket ones open, the rest behind one button, routines apart. */
export function focusedBehaviours(playbook: Playbook, roleId: string, facts: CaseFacts): FocusedBehaviours {
  const groups = behavioursFor(playbook, roleId, facts);
  const chosen = groups.flatMap((g) => g.behaviours);
  const perTicket = (list: ChosenBehaviour[]) => list.filter((c) => cadenceOf(c) === 'ticket');
  const inPlaybookOrder = playbook.behaviours.flatMap((b) => chosen.filter((c) => c.behaviour === b));
  const focused = fittingFirst(perTicket(inPlaybookOrder), fits).slice(0, FOCUSED);
  const unfocused = (list: ChosenBehaviour[]) => perTicket(list).filter((c) => !focused.includes(c));
  return {
    focused,
    rest: groups.map((g) => ({ ...g, behaviours: unfocused(g.behaviours) })).filter((g) => g.behaviours.length > 0),
    daily: inPlaybookOrder.filter((c) => cadenceOf(c) === 'day'),
    weekly: inPlaybookOrder.filter((c) => cadenceOf(c) === 'week'),
  };
}
