// The playbook editor's state: a draft kept in storage (it survives a reload), the changes that can be undone, and
// saving through the same check as an import.
import { useEffect, useMemo, useState } from 'react';
import { createStore, useStore } from 'zustand';
import { i18n } from '#i18n';
import { errorText, type Outcome } from '../state/outcome';
import { checkedItem } from '../storage-item';
import { type Edit, forSaving, markedReviewed, PlaybookDraft } from './draft';
import type { Playbook } from './schema';
import { type ActivePlaybook, importPlaybook } from './store';
import { parsePlaybook } from './validate';

const draftItem = checkedItem('local:playbookDraft', { schema: PlaybookDraft, fallback: null });

/** Enough to step back through a session's edits; older ones are let go. */
const UNDO_LIMIT = 50;

interface Step {
  draft: PlaybookDraft;
  /** What was changed ("behaviours.3.text"): typing on in the same field is one change to undo, not one per key. */
  key: string | undefined;
}

interface EditorState {
  /** `undefined` while the stored draft loads; `null` when there is none (the saved playbook is shown). */
  draft: PlaybookDraft | undefined;
  undo: Step[];
  outcome: Outcome;
  load: () => Promise<void>;
  change: (base: Playbook, edit: Edit, key?: string) => void;
  undoLast: () => void;
  discard: () => void;
  save: () => Promise<void>;
  markReviewed: (base: Playbook, name: string, now?: number) => Promise<void>;
}

/** Saves a draft once it passes every check an import passes; otherwise says why and saves nothing. */
async function saveDraft(draft: PlaybookDraft, now: number): Promise<Outcome> {
  if (!draft) return { kind: 'done', text: i18n.t('editor.outcome.noChanges') };
  const checked = parsePlaybook(forSaving(draft.playbook, now));
  if (!checked.ok) {
    return { kind: 'failed', text: i18n.t('editor.outcome.invalid', checked.errors.length) };
  }
  await importPlaybook(checked.playbook);
  await draftItem.removeValue();
  const { name, version } = checked.playbook;
  return { kind: 'done', text: i18n.t('editor.outcome.saved', { name, version }) };
}

function createEditorStore() {
  return createStore<EditorState>()((set, get) => {
    /** Keeps the draft where a reload finds it; a failure to do so is said, the edit stays on screen. */
    const keep = (draft: PlaybookDraft) => {
      const write = draft ? draftItem.setValue(draft) : draftItem.removeValue();
      write.catch((error: unknown) =>
        set({ outcome: { kind: 'failed', text: i18n.t('editor.outcome.notKept', { reason: errorText(error) }) } }),
      );
    };
    const saving = async (now: number) => {
      const { draft } = get();
      if (draft === undefined) return;
      try {
        const outcome = await saveDraft(draft, now);
        set(outcome.kind === 'done' && draft ? { outcome, draft: null, undo: [] } : { outcome });
      } catch (error) {
        set({ outcome: { kind: 'failed', text: i18n.t('editor.outcome.notSaved', { reason: errorText(error) }) } });
      }
    };
    return {
      draft: undefined,
      undo: [],
      outcome: { kind: 'idle' },
      load: async () => {
        const stored = await draftItem.getValue();
        if (get().draft === undefined) set({ draft: stored });
      },
      change: (base, edit, key) => {
        const { draft, undo } = get();
        if (draft === undefined) return;
        const before = draft ?? { startedFrom: base.updatedAt, playbook: base };
        const next = { ...before, playbook: edit(before.playbook) };
        const last = undo.at(-1);
        const sameField = key !== undefined && last?.key === key;
        const steps = sameField ? undo : [...undo, { draft, key }].slice(-UNDO_LIMIT);
        set({ draft: next, undo: steps, outcome: { kind: 'idle' } });
        keep(next);
      },
      undoLast: () => {
        const last = get().undo.at(-1);
        if (!last) return;
        set({
          draft: last.draft,
          undo: get().undo.slice(0, -1),
          outcome: { kind: 'done', text: i18n.t('editor.outcome.undone') },
        });
        keep(last.draft);
      },
      // Undo brings a discarded draft back, so one click cannot lose an afternoon's work.
      discard: () => {
        const { draft, undo } = get();
        if (!draft) return;
        const steps = [...undo, { draft, key: undefined }].slice(-UNDO_LIMIT);
        const text = i18n.t('editor.outcome.discarded');
        set({ draft: null, undo: steps, outcome: { kind: 'done', text } });
        keep(null);
      },
      save: () => saving(Date.now()),
      markReviewed: async (base, name, now = Date.now()) => {
        if (name.trim() === '') {
          set({ outcome: { kind: 'failed', text: i18n.t('editor.outcome.needsName') } });
          return;
        }
        get().change(base, markedReviewed(name, now));
        await saving(now);
      },
    };
  });
}

/**
 * The editor for the playbook in force: the draft (or the saved playbook when there is none), what is wrong with it,
 * and the actions. An organisation's playbook is shown read-only and never drafted.
 */
export function usePlaybookEditor(active: ActivePlaybook) {
  const [store] = useState(createEditorStore);
  const state = useStore(store);
  const { load } = state;
  useEffect(() => void load(), [load]);
  const readOnly = active.source === 'organisation';
  const draft = readOnly ? null : state.draft;
  const playbook = draft?.playbook ?? active.playbook;
  const checked = useMemo(() => parsePlaybook(playbook), [playbook]);
  const base = active.playbook;
  return {
    loading: draft === undefined,
    readOnly,
    playbook,
    errors: checked.ok ? [] : checked.errors,
    valid: checked.ok ? checked.playbook : undefined,
    hasDraft: !!draft,
    /** The saved playbook changed (an import, another tab) since this draft began. */
    draftIsBehind: !!draft && draft.startedFrom !== base.updatedAt,
    canUndo: !readOnly && state.undo.length > 0,
    outcome: state.outcome,
    change: (edit: Edit, key?: string) => !readOnly && state.change(base, edit, key),
    undo: state.undoLast,
    discard: state.discard,
    save: state.save,
    markReviewed: (name: string) => state.markReviewed(base, name),
  };
}

export type PlaybookEditorState = ReturnType<typeof usePlaybookEditor>;
