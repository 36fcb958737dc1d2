import { useEffect, useId, useMemo, useState } from 'react';
import { aliasesFromText, aliasesToText } from '@/utils/playbook/draft';
import { type PlaybookEditorState, usePlaybookEditor } from '@/utils/playbook/editor-store';
import { exportPlaybook } from '@/utils/playbook/import-actions';
import { reviewSummary } from '@/utils/playbook/io';
import type { ActivePlaybook } from '@/utils/playbook/store';
import type { PlaybookError } from '@/utils/playbook/validate';
import { settings } from '@/utils/settings';
import { useStored } from '@/utils/state/use-stored';
import { ErrorList } from './ErrorList';
import { EditorContext, type EditorContextValue } from './editor/EditorContext';
import { EditorPreview } from './editor/EditorPreview';
import { ListTextField, TextField } from './editor/Fields';
import { BehavioursEditor, PromisesEditor, RolesEditor } from './editor/ListEditors';
import { OutcomeView } from './OutcomeView';

/** Every message per path, for the fields to show beside themselves. */
function byPath(errors: PlaybookError[]): (path: string) => string[] {
  const map = new Map<string, string[]>();
  for (const { path, message } of errors) map.set(path, [...(map.get(path) ?? []), message]);
  return (path) => map.get(path) ?? [];
}

/**
 * Options → Playbook's editor: promises, roles and behaviours changed in place, checked as an import is checked while
 * typing, kept as a draft until saved; read-only when the organisation manages the playbook.
 */
export function PlaybookEditor({ active }: { active: ActivePlaybook }) {
  const editor = usePlaybookEditor(active);
  // Closed until asked for (most who open Options are reps, not leads), open at once on an unsaved draft.
  const [opened, setOpened] = useState<boolean>();
  const shown = opened ?? editor.hasDraft;
  // Once open for a draft it stays open when the draft goes (saved, discarded), until closed.
  useEffect(() => {
    if (editor.hasDraft) setOpened((was) => was ?? true);
  }, [editor.hasDraft]);
  const bodyId = useId();
  return (
    <section aria-labelledby="playbook-editor-title" className="playbook-editor">
      <h3 id="playbook-editor-title" className="subheading">
        Playbook editor
      </h3>
      <button
        type="button"
        aria-expanded={shown}
        aria-controls={bodyId}
        disabled={editor.loading}
        onClick={() => setOpened(!shown)}
      >
        {editor.readOnly ? 'Read the playbook in the editor' : 'Edit the playbook'}
      </button>
      <div id={bodyId} className="editor-body">
        {shown && <EditorBody editor={editor} />}
      </div>
    </section>
  );
}

function EditorBody({ editor }: { editor: PlaybookEditorState }) {
  const { change, readOnly, errors, playbook } = editor;
  const context = useMemo<EditorContextValue>(
    () => ({ change, readOnly, errorsAt: byPath(errors) }),
    [change, readOnly, errors],
  );
  return (
    <>
      {readOnly ? (
        <p className="notice">
          Read-only: your organisation manages this playbook through the browser’s policy, so it can only be changed
          there. You can still read, preview and export it; to change it, ask your administrator.
        </p>
      ) : (
        <DraftBar editor={editor} />
      )}
      {errors.length > 0 && (
        <div className="invalid" aria-live="polite">
          <p className="error">{`The draft has ${errors.length} problem${errors.length === 1 ? '' : 's'}; it cannot be saved until they are fixed.`}</p>
          <ErrorList label="Problems in the draft" errors={errors} />
        </div>
      )}
      <EditorContext.Provider value={context}>
        <TextField label="Playbook name" path="name" value={playbook.name} toEdit={(name) => (p) => ({ ...p, name })} />
        <PromisesEditor playbook={playbook} />
        <RolesEditor playbook={playbook} />
        <BehavioursEditor playbook={playbook} />
        <ListTextField
          label="Tag synonyms"
          path="tagAliases"
          hint="One tag a line, then its synonyms: refund: refund_request, money_back"
          text={aliasesToText(playbook.tagAliases)}
          normalise={(raw) => aliasesToText(aliasesFromText(raw))}
          toEdit={(raw) => (p) => ({ ...p, tagAliases: aliasesFromText(raw) })}
          multiline
        />
      </EditorContext.Provider>
      {!readOnly && <ReviewControl editor={editor} />}
      <EditorPreview playbook={editor.valid} />
      <OutcomeView outcome={editor.outcome} />
    </>
  );
}

/** Whether there are unsaved changes, and what can be done with them. */
function DraftBar({ editor }: { editor: PlaybookEditorState }) {
  const [exported, setExported] = useState('');
  const { hasDraft, valid } = editor;
  return (
    <div className="draft-bar">
      <p className="muted">
        {hasDraft
          ? 'Unsaved changes: kept in this browser until you save or discard them.'
          : 'No unsaved changes. Change anything below; it is kept as a draft until you save.'}
      </p>
      {editor.draftIsBehind && (
        <p className="notice">The saved playbook changed since this draft began; saving the draft replaces it.</p>
      )}
      <div className="tool-row">
        <button type="button" className="primary" disabled={!hasDraft} onClick={() => void editor.save()}>
          Save playbook
        </button>
        <button type="button" disabled={!editor.canUndo} onClick={editor.undo}>
          Undo
        </button>
        <button type="button" disabled={!hasDraft} onClick={editor.discard}>
          Discard draft
        </button>
        <button
          type="button"
          disabled={!hasDraft || !valid}
          onClick={() => valid && setExported(exportPlaybook(valid).text)}
        >
          Export draft
        </button>
      </div>
      {exported && <p className="muted">{exported}</p>}
    </div>
  );
}

/** "Mark reviewed": the lead's name and today's date go into the playbook, which is saved with them. */
function ReviewControl({ editor }: { editor: PlaybookEditorState }) {
  const profile = useStored(settings.profile);
  const [typed, setTyped] = useState<string>();
  const name = typed ?? profile?.name ?? '';
  return (
    <div className="review">
      <p className="muted">{reviewSummary(editor.playbook, Date.now()).line}</p>
      <label className="field">
        Reviewed by
        <input type="text" value={name} onChange={(e) => setTyped(e.target.value)} autoComplete="name" />
      </label>
      <button type="button" onClick={() => void editor.markReviewed(name)}>
        Mark reviewed
      </button>
    </div>
  );
}
