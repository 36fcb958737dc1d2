// The praise composer's state and decisions: what the fields hold, what the draft is, what is wrong with it, what to
// suggest, and sending. Components/kudos/* only render what this returns.
import { useLiveQuery } from 'dexie-react-hooks';
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { i18n } from '#i18n';
import { db } from '../db';
import { FREE_SPACE, STORAGE_MESSAGES, storageTroubleOf } from '../db/errors';
import type { CaseSignal } from '../history/signals';
import { send } from '../messages';
import { behavioursFor, type CaseFacts, caseFactsOf } from '../playbook/choose';
import { useActivePlaybook } from '../playbook/hooks';
import type { Behaviour, BrandPromise, Playbook, Role } from '../playbook/schema';
import { quoteMaskingLocked } from '../policy';
import type { CaseContext, Conversation, Kudos, KudosCase, KudosRecipient } from '../schemas';
import type { DeliveryTarget } from '../schemas/settings';
import { settings } from '../settings';
import { useStored } from '../state/use-stored';
import { type ComposerPreset, type ComposerStore, createComposerStore } from './composer-store';
import type { KudosRules, Roster, Teammate } from './schema';
import { draftProblems, type KudosDraft, sendKudos } from './send';
import { parseRecipient, recipientOptions, type Suggestion, suggestRecipients } from './suggest';

/** What the composer needs of the case in view; a `CaseContext` will do. The customer is never part of it. */
export type ComposerCase = Pick<CaseContext, 'helpdesk' | 'ticketId' | 'url' | 'subject'> &
  Partial<Pick<CaseContext, 'tags' | 'channel' | 'channelName' | 'status'>>;

/** The case as the kudos carries it: where it came from, never who the customer is. */
export const kudosCaseOf = (c: ComposerCase): KudosCase => ({
  helpdesk: c.helpdesk,
  ticketId: c.ticketId,
  url: c.url,
  ...(c.subject ? { subject: c.subject } : {}),
});

/** "From ticket #5512 · Card declined again" */
export const caseLine = (c: ComposerCase): string =>
  c.subject
    ? i18n.t('composer.caseLineSubject', { ticket: c.ticketId, subject: c.subject })
    : i18n.t('composer.caseLine', { ticket: c.ticketId });

export interface PromiseChoiceGroup {
  promise: BrandPromise;
  /** The recipient's role's behaviours under this promise (every role's, when the role is not known). */
  behaviours: Behaviour[];
}

export interface PromiseChoices {
  groups: PromiseChoiceGroup[];
  /** The recipient's role, when the roster knows it and the playbook has it. */
  role?: Role;
  /**
   * `promise:<id>` of the promise this case called for, if a behaviour fits it. Only the promise: what the
   * recipient did is for the rep to say, not the rep's own checklist.
   */
  suggested?: string;
  /** Why, e.g. ["repeat contact"]. */
  suggestedReasons: string[];
}

export const promiseValue = (id: string) => `promise:${id}`;
export const behaviourValue = (id: string) => `behaviour:${id}`;

/** The playbook role a roster entry names, by id or by name, in any case. */
export function roleOf(playbook: Playbook, named: string | undefined): Role | undefined {
  const wanted = named?.trim().toLowerCase();
  if (!wanted) return undefined;
  return playbook.roles.find((r) => r.id === wanted || r.name.trim().toLowerCase() === wanted);
}

/**
 * Every promise of the playbook, in its order, each with the recipient's role's behaviours (every behaviour, when
 * the role is not known), in playbook order; plus the promise the case called for, if one of those behaviours fits.
 */
export function promiseChoices(playbook: Playbook, recipientRole: Role | undefined, facts: CaseFacts): PromiseChoices {
  const chosen = behavioursFor(playbook, recipientRole?.id, facts);
  const inOrder = (promiseId: string) =>
    playbook.behaviours.filter((b) =>
      chosen.some((g) => g.promise.id === promiseId && g.behaviours.some((c) => c.behaviour === b)),
    );
  const first = chosen[0]?.behaviours[0];
  const fits = first && first.reasons.length > 0;
  return {
    groups: playbook.promises.map((promise) => ({ promise, behaviours: inOrder(promise.id) })),
    ...(recipientRole ? { role: recipientRole } : {}),
    suggested: fits ? promiseValue(first.behaviour.promiseId) : undefined,
    suggestedReasons: fits ? first.reasons : [],
  };
}

/** The roster's entry for a recipient: by email, else by name. */
function teammateOf(roster: Roster, to: KudosRecipient | null): Teammate | undefined {
  if (to?.kind !== 'person') return undefined;
  const same = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();
  return roster.people.find((p) => same(p.email, to.email)) ?? roster.people.find((p) => same(p.name.trim(), to.name));
}

/** The Promise field's value as ids; a value the playbook no longer has gives none. */
export function choiceIds(
  value: string,
  playbook: Playbook | undefined,
): Pick<KudosDraft, 'promiseId' | 'behaviourId'> {
  const [, kind, id] = /^(promise|behaviour):(.+)$/.exec(value) ?? [];
  if (kind === 'promise' && playbook?.promises.some((p) => p.id === id)) return { promiseId: id };
  const behaviour = kind === 'behaviour' ? playbook?.behaviours.find((b) => b.id === id) : undefined;
  return behaviour ? { promiseId: behaviour.promiseId, behaviourId: behaviour.id } : {};
}

const isOffered = (value: string, choices: PromiseChoices) =>
  value === '' ||
  choices.groups.some(
    (g) => promiseValue(g.promise.id) === value || g.behaviours.some((b) => behaviourValue(b.id) === value),
  );

const channelName = (kind: Exclude<DeliveryTarget['kind'], 'kept'>) =>
  kind === 'webhook' ? i18n.t('composer.yourWebhook') : kind === 'slack' ? 'Slack' : 'Teams';

/** What the rep reads once the kudos is saved. */
export const savedNote = (target: DeliveryTarget): string =>
  target.kind === 'kept'
    ? i18n.t('composer.savedInKept')
    : i18n.t('composer.savedSending', { channel: channelName(target.kind) });

/** Why the kudos was not saved, and that nothing the rep wrote is lost. */
export function failureNote(error: unknown): string {
  const trouble = storageTroubleOf(error);
  if (trouble === 'full') return i18n.t('composer.notSaved.full', { advice: FREE_SPACE });
  // A reload clears the form, so the rep copies the draft first.
  if (trouble === 'outdated' || trouble === 'closed') {
    return i18n.t('composer.notSaved.copyFirst', { problem: STORAGE_MESSAGES[trouble] });
  }
  const reason = trouble ? STORAGE_MESSAGES[trouble] : error instanceof Error ? error.message : String(error);
  return i18n.t('composer.notSaved.other', { reason: reason.replace(/\.$/, '') });
}

export type ComposerField = 'to' | 'promise' | 'message';
const FIELD_ORDER: ComposerField[] = ['to', 'promise', 'message'];

export interface ComposerInput {
  caseInfo?: ComposerCase | null;
  /** The helpdesk tab, asked once for what the rep selected there, to prefill the quote. */
  tabId?: number | null;
  /** The customer's earlier conversations, for "handled this customer before". */
  history?: Conversation[];
  /** The case signals, for suggesting the behaviour that fits. */
  signals?: CaseSignal[];
  onSent?: (kudos: Kudos) => void;
  /** Praise noticed in the customer's words: the recipient and quote to start with. */
  preset?: ComposerPreset;
}

const NO_KUDOS: Kudos[] = [];
const NO_HISTORY: Conversation[] = [];

/** Asks the helpdesk tab once for the rep's selection; `apply` (stable) gets it unless the composer has gone. */
function useSelection(tabId: number | null | undefined, apply: (text: string) => void) {
  useEffect(() => {
    if (tabId == null) return;
    let live = true;
    send('helpdesk:selection', {}, tabId).then(
      ({ text }) => live && text.trim() && apply(text.trim()),
      // Not a helpdesk tab, no content script, nothing selected: the quote simply starts empty.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [tabId, apply]);
}

function useSuggestions(history: Conversation[] | undefined) {
  const roster = useStored(settings.roster) ?? settings.roster.fallback;
  const profile = useStored(settings.profile) ?? settings.profile.fallback;
  const kudos = useLiveQuery(() => db.kudos.toArray(), []) ?? NO_KUDOS;
  const [now] = useState(Date.now);
  const suggestions = useMemo<Suggestion[]>(
    () => suggestRecipients({ roster, history: history ?? NO_HISTORY, kudos, now, self: profile }),
    [roster, history, kudos, now, profile],
  );
  return { roster, suggestions };
}

/** The Promise field's choices for whom the rep praises: their role's behaviours when the roster knows it. */
function usePromiseChoices(
  caseInfo: ComposerCase | null | undefined,
  signals: CaseSignal[] | undefined,
  recipient: Teammate | undefined,
) {
  const active = useActivePlaybook();
  const tags = caseInfo?.tags;
  const channel = caseInfo?.channel;
  const channelName = caseInfo?.channelName;
  const status = caseInfo?.status;
  const facts = useMemo<CaseFacts>(
    () => caseFactsOf({ tags, channel, channelName, status }, signals),
    [signals, tags, channel, channelName, status],
  );
  const recipientRole = active ? roleOf(active.playbook, recipient?.role) : undefined;
  const choices = useMemo(
    () => (active ? promiseChoices(active.playbook, recipientRole, facts) : { groups: [], suggestedReasons: [] }),
    [active, recipientRole, facts],
  );
  return { playbook: active?.playbook, choices };
}

type FieldRefs = {
  to: RefObject<HTMLInputElement | null>;
  promise: RefObject<HTMLSelectElement | null>;
  message: RefObject<HTMLTextAreaElement | null>;
};

/** Saves the draft and hands it to delivery; or shows what is wrong and puts the focus on the first such field. */
async function submitDraft(
  store: StoreApi<ComposerStore>,
  draft: KudosDraft,
  rules: KudosRules,
  refs: FieldRefs,
  onSent: ComposerInput['onSent'],
) {
  const { status, attempt, setStatus, clear } = store.getState();
  if (status.kind === 'sending') return;
  attempt();
  const found = draftProblems(draft, rules);
  const invalid = FIELD_ORDER.find((field) => found[field]);
  if (invalid) {
    setStatus({ kind: 'idle' });
    refs[invalid].current?.focus();
    return;
  }
  setStatus({ kind: 'sending' });
  try {
    const [profile, target] = await Promise.all([settings.profile.getValue(), settings.deliveryTarget.getValue()]);
    const kudos = await sendKudos(draft, profile, target);
    clear();
    setStatus({ kind: 'sent', note: savedNote(target) });
    onSent?.(kudos);
  } catch (error) {
    setStatus({ kind: 'failed', note: failureNote(error) });
  }
}

/** Everything the composer shows and does. */
export function useComposer({ caseInfo, tabId, history, signals, onSent, preset }: ComposerInput) {
  const [store] = useState(() => createComposerStore(preset));
  const state = useStore(store);
  const rules = useStored(settings.kudosRules) ?? settings.kudosRules.fallback;
  const { roster, suggestions } = useSuggestions(history);
  const recipient = parseRecipient(state.to, roster);
  const { playbook, choices } = usePromiseChoices(caseInfo, signals, teammateOf(roster, recipient));
  const refs: FieldRefs = {
    to: useRef<HTMLInputElement>(null),
    promise: useRef<HTMLSelectElement>(null),
    message: useRef<HTMLTextAreaElement>(null),
  };
  // What the rep typed wins over a selection that arrives late.
  useSelection(tabId, state.offerQuote);

  const options = useMemo(() => recipientOptions(roster), [roster]);
  const promise =
    state.picked !== undefined && isOffered(state.picked, choices) ? state.picked : (choices.suggested ?? '');
  const maskLocked = useStored(quoteMaskingLocked) === true;
  const { to, message, quote } = state;
  const maskQuote = state.maskQuote || maskLocked;
  const draft: KudosDraft = {
    to: recipient,
    ...choiceIds(promise, playbook),
    message,
    quote,
    maskQuote,
    case: caseInfo ? kudosCaseOf(caseInfo) : undefined,
  };
  return {
    rules,
    options,
    suggestions,
    choices,
    refs,
    fields: { to, promise, message, quote, maskQuote, maskLocked },
    draft,
    problems: state.attempted ? draftProblems(draft, rules) : {},
    status: state.status,
    setTo: state.setTo,
    pickPromise: state.pickPromise,
    setMessage: state.setMessage,
    setQuote: state.typeQuote,
    setMaskQuote: state.setMaskQuote,
    pickSuggestion: (suggestion: Suggestion) => {
      state.setTo(suggestion.label);
      refs.to.current?.focus();
    },
    submit: () => submitDraft(store, draft, rules, refs, onSent),
  };
}

export type ComposerState = ReturnType<typeof useComposer>;
