import { useState } from 'react';
import { i18n } from '#i18n';

export type CopyState = { state: 'idle' } | { state: 'copied' } | { state: 'failed'; message: string };

/** "Copy recap": writes the text to the clipboard and says so, or why it could not. */
export function useCopyText() {
  const [copy, setCopy] = useState<CopyState>({ state: 'idle' });
  const write = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy({ state: 'copied' });
    } catch {
      setCopy({ state: 'failed', message: i18n.t('panel.story.copyFailed') });
    }
  };
  return { copy, write };
}
