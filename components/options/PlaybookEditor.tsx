import { useEffect, useId, useMemo, useState } from 'react';
import { i18n } from '#i18n';
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
        {i18n.t('editor.title')}
      </h3>
      <button
        type="button"
        aria-expanded={shown}
        aria-controls={bodyId}
        disabled={editor.loading}
        onClick={() => setOpened(!shown)}
      >
        {i18n.t(editor.readOnly ? 'editor.read' : 'editor.edit')}
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
      {readOnly ? <p className="notice">{i18n.t('editor.readOnly')}</p> : <DraftBar editor={editor} />}
      {errors.length > 0 && (
        <div className="invalid" aria-live="polite">
          <p className="error">{i18n.t('editor.problems', errors.length)}</p>
          <ErrorList label={i18n.t('editor.problemList')} errors={errors} />
        </div>
      )}
      <EditorContext.Provider value={context}>
        <TextField
          label={i18n.t('editor.name')}
          path="name"
          value={playbook.name}
          toEdit={(name) => (p) => ({ ...p, name })}
        />
        <PromisesEditor playbook={playbook} />
        <RolesEditor playbook={playbook} />
        <BehavioursEditor playbook={playbook} />
        <ListTextField
          label={i18n.t('editor.tagSynonyms')}
          path="tagAliases"
          hint={i18n.t('editor.tagSynonymsHint')}
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
      <p className="muted">{i18n.t(hasDraft ? 'editor.unsaved' : 'editor.noUnsaved')}</p>
      {editor.draftIsBehind && <p className="notice">{i18n.t('editor.behind')}</p>}
      <div className="tool-row">
        <button type="button" className="primary" disabled={!hasDraft} onClick={() => void editor.save()}>
          {i18n.t('editor.save')}
        </button>
        <button type="button" disabled={!editor.canUndo} onClick={editor.undo}>
          {i18n.t('editor.undo')}
        </button>
        <button type="button" disabled={!hasDraft} onClick={editor.discard}>
          {i18n.t('editor.discard')}
        </button>
        <button
          type="button"
          disabled={!hasDraft || !valid}
          onClick={() => valid && setExported(exportPlaybook(valid).text)}
        >
          {i18n.t('editor.export')}
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
        {i18n.t('editor.reviewedBy')}
        <input type="text" value={name} onChange={(e) => setTyped(e.target.value)} autoComplete="name" />
      </label>
      <button type="button" onClick={() => void editor.markReviewed(name)}>
        {i18n.t('editor.markReviewed')}
      </button>
    </div>
  );
}
