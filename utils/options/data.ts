// Options → Your data, decided: how long customer history is kept, exporting everything and deleting everything.
import { type FormEvent, useState } from 'react';
import { i18n } from '#i18n';
import { downloadText } from '../download';
import { wakeOutbox } from '../messages';
import { deleteAllData, exportAllData } from '../privacy/export';
import { settings } from '../settings';
import { errorText, useOutcome } from '../state/outcome';
import { useStored } from '../state/use-stored';
import { duration } from '../time';

export function useDataSettings() {
  const stored = useStored(settings.retentionDays);
  const [typed, setDays] = useState<string>();
  const { outcome, show } = useOutcome();

  const saveRetention = async (event: FormEvent) => {
    event.preventDefault();
    const days = typed ?? String(stored ?? '');
    try {
      await settings.retentionDays.setValue(Number(days));
      show({ kind: 'done', text: i18n.t('options.data.retentionSaved', { days: duration(Number(days), 'day') }) });
    } catch (error) {
      show({ kind: 'failed', text: i18n.t('options.data.retentionNotSaved', { problem: errorText(error) }) });
    }
  };

  const exportData = async () => {
    const json = await exportAllData(Date.now());
    downloadText(json, 'kept-data.json', 'application/json');
    show({ kind: 'done', text: i18n.t('options.data.exportedAll') });
  };

  const deleteData = async () => {
    try {
      await deleteAllData();
      // Nothing failed is left: the background's run clears the toolbar badge.
      void wakeOutbox();
      show({ kind: 'done', text: i18n.t('options.data.deletedAll') });
      setDays(undefined);
    } catch (error) {
      show({ kind: 'failed', text: i18n.t('options.data.notDeletedAll', { problem: errorText(error) }) });
    }
  };

  return {
    days: typed ?? (stored === undefined ? '' : String(stored)),
    setDays,
    outcome,
    saveRetention,
    exportData: () => void exportData(),
    deleteData: () => void deleteData(),
  };
}
