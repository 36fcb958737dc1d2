// Options → Your data, decided: how long customer history is kept, exporting everything and deleting everything.
import { type FormEvent, useState } from 'react';
import { downloadText } from '../download';
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
      show({
        kind: 'done',
        text: `Customers not seen for ${duration(Number(days), 'day')}, and their history, will be forgotten.`,
      });
    } catch (error) {
      show({ kind: 'failed', text: `Keep customer history for: ${errorText(error)}` });
    }
  };

  const exportData = async () => {
    const json = await exportAllData(Date.now());
    downloadText(json, 'kept-data.json', 'application/json');
    show({ kind: 'done', text: 'Exported everything Kept stores in this browser (secrets masked).' });
  };

  const deleteData = async () => {
    try {
      await deleteAllData();
      show({ kind: 'done', text: 'All Kept data in this browser is deleted.' });
      setDays(undefined);
    } catch (error) {
      show({ kind: 'failed', text: `Could not delete everything: ${errorText(error)}` });
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
