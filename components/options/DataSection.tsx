import { useRef, useState } from 'react';
import { useDataSettings } from '@/utils/options/data';
import { useManaged } from '@/utils/options/managed';
import { settings } from '@/utils/settings';
import { ManagedNote } from './ManagedNote';
import { OutcomeNote } from './OutcomeView';

/** What Kept keeps, for how long, and the rep's way to take it all or wipe it. */
export function DataSection() {
  const { days, setDays, outcome, saveRetention, exportData, deleteData } = useDataSettings();
  const [confirming, setConfirming] = useState(false);
  const managed = useManaged(settings.retentionDays);
  const cancel = useRef<HTMLButtonElement>(null);

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
        <ManagedNote managed={managed} />
        <fieldset className="managed-fields" disabled={managed}>
          <label>
            Keep customer history for (days)
            <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
          </label>
          <button type="submit">Save retention</button>
        </fieldset>
      </form>
      <div className="row-buttons">
        <button type="button" onClick={exportData}>
          Export my data
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(false);
                deleteData();
              }}
            >
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
      <OutcomeNote outcome={outcome} />
    </section>
  );
}
