// What Options → Playbook's import, export and reset do, as actions whose outcome the section shows.
import { i18n } from '#i18n';
import { downloadText } from '../download';
import { requestOrigin } from '../host-access';
import type { Outcome } from '../state/outcome';
import {
  EXPORT_FILE_NAME,
  type FetchedPlaybook,
  fetchPlaybook,
  importedMessage,
  playbookToJson,
  readPlaybookFile,
} from './io';
import type { Playbook } from './schema';
import { importPlaybook, resetPlaybook } from './store';
import type { PlaybookError } from './validate';

/** What the last action came to; a refused playbook lists every problem. */
export type ImportOutcome = Outcome<{ kind: 'invalid'; from: string; errors: PlaybookError[] }>;

/** Saves a checked playbook, or lists what is wrong with it and changes nothing. */
async function save(fetched: FetchedPlaybook, from: string): Promise<ImportOutcome> {
  if (!fetched.ok) {
    return fetched.kind === 'invalid'
      ? { kind: 'invalid', from, errors: fetched.errors }
      : { kind: 'failed', text: fetched.message };
  }
  await importPlaybook(fetched.playbook);
  return { kind: 'done', text: importedMessage(fetched.playbook) };
}

export const importFile = async (file: File): Promise<ImportOutcome> =>
  save(await readPlaybookFile(file), i18n.t('options.playbook.fileName', { file: file.name }));

/**
 * Asks for the playbook's origin at once, inside the click (the prompt needs the gesture), and answers the download
 * to run. Browsers without a permissions API simply fetch (the request then works only where the server allows it).
 */
export function importUrl(url: URL): () => Promise<ImportOutcome> {
  const access = requestOrigin(url.origin, i18n.t('options.playbook.notAllowed', { origin: url.origin }));
  return async () => {
    const allowed = await access;
    if (!allowed.granted) return { kind: 'failed', text: allowed.why };
    return save(await fetchPlaybook(url, fetch), url.href);
  };
}

export async function resetToStarter(): Promise<ImportOutcome> {
  await resetPlaybook();
  return { kind: 'done', text: i18n.t('options.playbook.resetDone') };
}

export function exportPlaybook(playbook: Playbook): { kind: 'done'; text: string } {
  downloadText(playbookToJson(playbook), EXPORT_FILE_NAME, 'application/json');
  return { kind: 'done', text: i18n.t('options.playbook.exported', { name: playbook.name, file: EXPORT_FILE_NAME }) };
}
