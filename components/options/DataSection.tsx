import { type FormEvent, useEffect, useRef, useState } from 'react';
import { downloadText } from '@/utils/download';
import { deleteAllData, exportAllData } from '@/utils/privacy/export';
import { settings } from '@/utils/settings';

type Notice = { kind: 'info' | 'error'; text: string } | null;

/** What Kept keeps, for how long, and the rep's way to take it all or wipe it. */
export function DataSection() {
  const [days, setDays] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void settings.retentionDays.getValue().then((d) => setDays(String(d)));
  }, []);

  const saveRetention = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await settings.retentionDays.setValue(Number(days));
      setNotice({ kind: 'info', text: `Customers not seen for ${days} days, and their history, will be forgotten.` });
    } catch (error) {
      setNotice({ kind: 'error', text: `Keep customer history for: ${(error as Error).message}` });
    }
  };

  const exportData = async () => {
    const json = await exportAllData(Date.now());
    downloadText(json, 'kept-data.json', 'application/json');
    setNotice({ kind: 'info', text: 'Exported everything Kept stores in this browser (secrets masked).' });
  };

  const deleteData = async () => {
    setConfirming(false);
    try {
      await deleteAllData();
      setNotice({ kind: 'info', text: 'All Kept data in this browser is deleted.' });
      setDays('90');
    } catch (error) {
      setNotice({ kind: 'error', text: `Could not delete everything: ${(error as Error).message}` });
    }
  };

  return (
    <section className="options-section" aria-labelledby="data-heading">
      <h2 id="data-heading" className="heading">
        Your data
      </h2>
      <p className="muted">
        Kept keeps customers and their conversations in this browser only, to show them beside the ticket.{' '}
        <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noreferrer">
          What Kept stores and sends
        </a>
      </p>
      <form onSubmit={saveRetention} className="form">
        <label>
          Keep customer history for (days)
          <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
        <button type="submit">Save retention</button>
      </form>
      <div className="row-buttons">
        <button type="button" onClick={() => void exportData()}>
          Export my data
        </button>
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void deleteData()}>
              Yes, delete everything
            </button>
            <button type="button" onClick={() => setConfirming(false)} ref={cancel}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(true);
              // The safe choice gets the focus.
              requestAnimationFrame(() => cancel.current?.focus());
            }}
          >
            Delete all Kept data
          </button>
        )}
      </div>
      {confirming && (
        <p className="error">
          This deletes customers, conversations, kudos (also ones not delivered yet), the playbook you imported and your
          settings, in this browser. It cannot be undone.
        </p>
      )}
      <p aria-live="polite" className={notice?.kind === 'error' ? 'error' : 'muted'}>
        {notice?.text}
      </p>
    </section>
  );
}
