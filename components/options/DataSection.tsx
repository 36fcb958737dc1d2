import { useRef, useState } from 'react';
import { i18n } from '#i18n';
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
        {i18n.t('options.data.title')}
      </h2>
      <p className="muted">
        {i18n.t('options.data.intro')}{' '}
        <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noreferrer">
          {i18n.t('options.data.privacyLink')}
        </a>
      </p>
      <form onSubmit={saveRetention} className="form">
        <ManagedNote managed={managed} />
        <fieldset className="managed-fields" disabled={managed}>
          <label>
            {i18n.t('options.data.retention')}
            <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
          </label>
          <button type="submit">{i18n.t('options.data.saveRetention')}</button>
        </fieldset>
      </form>
      <div className="row-buttons">
        <button type="button" onClick={exportData}>
          {i18n.t('options.data.export')}
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
              {i18n.t('options.data.confirmDelete')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} ref={cancel}>
              {i18n.t('common.cancel')}
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
            {i18n.t('options.data.delete')}
          </button>
        )}
      </div>
      {confirming && <p className="error">{i18n.t('options.data.deleteWarning')}</p>}
      <OutcomeNote outcome={outcome} />
    </section>
  );
}
