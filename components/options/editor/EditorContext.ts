import { createContext, useContext } from 'react';
import type { PlaybookEditorState } from '@/utils/playbook/editor-store';

export interface EditorContextValue {
  change: PlaybookEditorState['change'];
  readOnly: boolean;
  /** What is wrong at one path of the draft ("behaviours[3].text"), for the field there. */
  errorsAt: (path: string) => string[];
}

export const EditorContext = createContext<EditorContextValue | null>(null);

/** The editor the fields belong to; a field outside the editor is a bug. */
export function useEditor(): EditorContextValue {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('An editor field was rendered outside the Playbook editor.');
  return editor;
}
