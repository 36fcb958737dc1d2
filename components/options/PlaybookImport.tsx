import { type ChangeEvent, type FormEvent, useState } from 'react';
import { i18n } from '#i18n';
import {
  exportPlaybook,
  type ImportOutcome,
  importFile,
  importUrl,
  resetToStarter,
} from '@/utils/playbook/import-actions';
import { checkPlaybookUrl } from '@/utils/playbook/io';
import type { ActivePlaybook } from '@/utils/playbook/store';
import { useOutcome } from '@/utils/state/outcome';
import { useConfirmFocus } from '@/utils/state/use-confirm-focus';
import { ErrorList } from './ErrorList';

type Invalid = Extract<ImportOutcome, { kind: 'invalid' }>;

/** Import (file or https URL), export and reset; an organisation's playbook can only be exported. */
export function PlaybookImport({ active }: { active: ActivePlaybook }) {
  const { outcome, show, run } = useOutcome<Invalid>();
  const managed = active.source === 'organisation';

  return (
    <section aria-labelledby="playbook-tools-title" className="playbook-tools">
      <h3 id="playbook-tools-title" className="subheading">
        {managed ? i18n.t('options.playbook.exportTitle') : i18n.t('options.playbook.toolsTitle')}
      </h3>
      {managed ? (
        <p className="notice">{i18n.t('options.playbook.managed')}</p>
      ) : (
        <>
          <FileImport run={run} />
          <UrlImport run={run} onInvalidUrl={(text) => show({ kind: 'failed', text })} />
        </>
      )}
      <div className="tool-row">
        <button type="button" onClick={() => show(exportPlaybook(active.playbook))}>
          {i18n.t('options.playbook.export')}
        </button>
        {!managed && <ResetControl run={run} />}
      </div>
      <ImportOutcomeView outcome={outcome} />
    </section>
  );
}

type Run = (busy: string, action: () => Promise<ImportOutcome>) => void;

function FileImport({ run }: { run: Run }) {
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    run(i18n.t('options.playbook.checkingFile', { file: file.name }), () => importFile(file));
    // Choosing the same file again (after fixing it) must fire another change.
    input.value = '';
  };
  return (
    <label className="file-import">
      {i18n.t('options.playbook.importFile')}
      <input type="file" accept="application/json,.json" onChange={choose} />
    </label>
  );
}

function UrlImport({ run, onInvalidUrl }: { run: Run; onInvalidUrl: (message: string) => void }) {
  const [address, setAddress] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkPlaybookUrl(address);
    if (!checked.ok) return onInvalidUrl(checked.message);
    run(i18n.t('options.playbook.downloading', { url: checked.url.href }), importUrl(checked.url));
  };
  return (
    <form className="url-import" onSubmit={submit} noValidate>
      <label>
        {i18n.t('options.playbook.url.label')}
        <input
          type="url"
          inputMode="url"
          placeholder="https://…"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
        />
      </label>
      <button type="submit">{i18n.t('options.playbook.importUrl')}</button>
    </form>
  );
}

function ResetControl({ run }: { run: Run }) {
  const [confirming, setConfirming] = useState(false);
  const { ask: resetButton, cancel: cancelButton } = useConfirmFocus(confirming);

  if (!confirming) {
    return (
      <button type="button" ref={resetButton} onClick={() => setConfirming(true)}>
        {i18n.t('options.playbook.reset')}
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>{i18n.t('options.playbook.resetConfirm')}</legend>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setConfirming(false);
          run(i18n.t('options.playbook.resetting'), resetToStarter);
        }}
      >
        {i18n.t('options.playbook.confirmReset')}
      </button>
      <button type="button" ref={cancelButton} onClick={() => setConfirming(false)}>
        {i18n.t('common.cancel')}
      </button>
    </fieldset>
  );
}

function ImportOutcomeView({ outcome }: { outcome: ImportOutcome }) {
  return (
    <div aria-live="polite" className="outcome">
      {(outcome.kind === 'busy' || outcome.kind === 'done') && <p className="muted">{outcome.text}</p>}
      {outcome.kind === 'failed' && <p className="error">{outcome.text}</p>}
      {outcome.kind === 'invalid' && (
        <div className="invalid">
          <p className="error">{i18n.t('options.playbook.invalid', outcome.errors.length, { from: outcome.from })}</p>
          <ErrorList label={i18n.t('options.playbook.errors')} errors={outcome.errors} />
        </div>
      )}
    </div>
  );
}
