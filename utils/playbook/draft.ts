// What the playbook editor does to a playbook, as pure edits: the editor's store applies them to its draft.
import * as z from 'zod/mini';
import { ConversationStatus } from '../schemas/common';
import { type Behaviour, BehaviourWhen, Cadence, type Playbook } from './schema';

/**
 * A playbook as it may be mid-edit: the playbook's shape without its value checks (an empty text, an id with a
 * space), so a draft the editor still flags is kept as it is. `parsePlaybook` decides whether it can be saved.
 */
const DraftPlaybook = z.object({
  version: z.number(),
  name: z.string(),
  updatedAt: z.string(),
  reviewedBy: z.optional(z.string()),
  reviewedAt: z.optional(z.string()),
  promises: z.array(z.object({ id: z.string(), title: z.string(), summary: z.string() })),
  roles: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
  behaviours: z.array(
    z.object({
      id: z.string(),
      promiseId: z.string(),
      roles: z.union([z.literal('all'), z.array(z.string())]),
      text: z.string(),
      detail: z.optional(z.string()),
      example: z.optional(z.string()),
      when: z.optional(BehaviourWhen),
      cadence: z.optional(Cadence),
    }),
  ),
  tagAliases: z.optional(z.record(z.string(), z.array(z.string()))),
});

/** An unsaved draft, kept in storage so it survives a reload; `startedFrom` is the saved playbook's `updatedAt`. */
export const PlaybookDraft = z.nullable(z.object({ startedFrom: z.string(), playbook: DraftPlaybook }));
export type PlaybookDraft = z.infer<typeof PlaybookDraft>;

/** One change to the draft. */
export type Edit = (playbook: Playbook) => Playbook;

type Lists = Pick<Playbook, 'promises' | 'roles' | 'behaviours'>;
export type ListName = keyof Lists;
export type ItemOf<L extends ListName> = Lists[L][number];

const listOf = <L extends ListName>(playbook: Playbook, list: L) => playbook[list] as ItemOf<L>[];
const withList = <L extends ListName>(playbook: Playbook, list: L, items: ItemOf<L>[]): Playbook => ({
  ...playbook,
  [list]: items,
});

/** Changes some fields of one item of a list. */
export const patchItem =
  <L extends ListName>(list: L, index: number, patch: Partial<ItemOf<L>>): Edit =>
  (playbook) =>
    withList(
      playbook,
      list,
      listOf(playbook, list).map((item, i) => (i === index ? { ...item, ...patch } : item)),
    );

/** Moves one item to another place in its list; other items keep their order. */
export const moveItem =
  (list: ListName, from: number, to: number): Edit =>
  (playbook) => {
    const items = [...listOf(playbook, list)];
    if (from === to || !items[from] || to < 0 || to >= items.length) return playbook;
    const [moved] = items.splice(from, 1);
    if (moved) items.splice(to, 0, moved);
    return withList(playbook, list, items);
  };

export const removeItem =
  (list: ListName, index: number): Edit =>
  (playbook) =>
    withList(
      playbook,
      list,
      listOf(playbook, list).filter((_, i) => i !== index),
    );

/** `new-behaviour`, else `new-behaviour-2`, …: an id not yet used in the list. */
function freeId(taken: readonly { id: string }[], stem: string): string {
  const ids = new Set(taken.map((item) => item.id));
  let n = 1;
  while (ids.has(n === 1 ? stem : `${stem}-${n}`)) n++;
  return n === 1 ? stem : `${stem}-${n}`;
}

/** A new, empty item at the end of a list; its empty text is what the editor asks to fill in. */
export const addItem =
  (list: ListName): Edit =>
  (playbook) => {
    if (list === 'promises') {
      const id = freeId(playbook.promises, 'new-promise');
      return { ...playbook, promises: [...playbook.promises, { id, title: '', summary: '' }] };
    }
    if (list === 'roles') {
      const id = freeId(playbook.roles, 'new-role');
      return { ...playbook, roles: [...playbook.roles, { id, name: '', description: '' }] };
    }
    const behaviour: Behaviour = {
      id: freeId(playbook.behaviours, 'new-behaviour'),
      promiseId: playbook.promises[0]?.id ?? '',
      roles: 'all',
      text: '',
    };
    return { ...playbook, behaviours: [...playbook.behaviours, behaviour] };
  };

/** An optional text: an empty field leaves the key out, so an exported playbook stays as short as an imported one. */
export const optionalText = (value: string) => (value.trim() === '' ? undefined : value);

type WhenKind = keyof BehaviourWhen;

/** Sets one kind of trigger; a trigger with no values left is dropped, and so is `when` when nothing is left. */
export function withTrigger<K extends WhenKind>(
  when: BehaviourWhen | undefined,
  kind: K,
  values: NonNullable<BehaviourWhen[K]>,
): BehaviourWhen | undefined {
  const next: BehaviourWhen = { ...when, [kind]: values.length > 0 ? values : undefined };
  const kept = Object.entries(next).filter(([, v]) => v !== undefined);
  return kept.length > 0 ? (Object.fromEntries(kept) as BehaviourWhen) : undefined;
}

export const STATUSES = ConversationStatus.options;

/** Narrows a checkbox's value back to the list it came from. */
export const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (value: string): value is T =>
    (list as readonly string[]).includes(value);

/** "refund, money back ,vip" → ["refund", "money back", "vip"]. */
export const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** The tag synonyms as lines a lead edits: `refund: refund_request, money_back`. */
export function aliasesToText(aliases: Playbook['tagAliases']): string {
  return Object.entries(aliases ?? {})
    .map(([tag, synonyms]) => `${tag}: ${synonyms.join(', ')}`)
    .join('\n');
}

/** The lines back as synonyms; a line without a colon is a tag with no synonyms yet. Nothing left: no key. */
export function aliasesFromText(text: string): Playbook['tagAliases'] {
  const entries = text
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      const tag = (colon === -1 ? line : line.slice(0, colon)).trim();
      return [tag, colon === -1 ? [] : splitList(line.slice(colon + 1))] as const;
    })
    .filter(([tag]) => tag !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The draft as saved: one version on, dated now, its review mark kept. */
export const forSaving = (playbook: Playbook, now: number): Playbook => ({
  ...playbook,
  version: playbook.version + 1,
  updatedAt: new Date(now).toISOString(),
});

/** Marks the draft reviewed by a person today. */
export const markedReviewed =
  (name: string, now: number): Edit =>
  (playbook) => ({ ...playbook, reviewedBy: name.trim(), reviewedAt: new Date(now).toISOString() });
