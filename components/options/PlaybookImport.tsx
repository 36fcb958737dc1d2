import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { downloadText } from '@/utils/download';
import { requestOrigin } from '@/utils/host-access';
import {
  checkPlaybookUrl,
  EXPORT_FILE_NAME,
  type FetchedPlaybook,
  fetchPlaybook,
  importedMessage,
  playbookToJson,
  readPlaybookFile,
} from '@/utils/playbook/io';
import { type ActivePlaybook, importPlaybook, resetPlaybook } from '@/utils/playbook/store';
import type { PlaybookError } from '@/utils/playbook/validate';
import { ErrorList } from './ErrorList';

/** What the last action came to, shown under the controls. */
type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string }
  | { kind: 'invalid'; from: string; errors: PlaybookError[] };

/** Import (file or https URL), export and reset; an organisation's playbook can only be exported. */
export function PlaybookImport({ active }: { active: ActivePlaybook }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const latest = useRef(0);
  const managed = active.source === 'organisation';

  /** Shows the latest action's outcome only; a failure still ends as a message, never a stuck "busy". */
  const show = (next: Outcome) => {
    latest.current += 1;
    setOutcome(next);
  };
  const run = (busy: string, action: () => Promise<Outcome>) => {
    show({ kind: 'busy', text: busy });
    const mine = latest.current;
    const settle = (next: Outcome) => mine === latest.current && setOutcome(next);
    action().then(settle, (error: unknown) =>
      settle({ kind: 'failed', text: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <section aria-labelledby="playbook-tools-title" className="playbook-tools">
      <h3 id="playbook-tools-title" className="subheading">
        {managed ? 'Export' : 'Import, export or reset'}
      </h3>
      {managed ? (
        <p className="notice">The playbook is managed by your organisation.</p>
      ) : (
        <>
          <FileImport run={run} />
          <UrlImport run={run} onInvalidUrl={(text) => show({ kind: 'failed', text })} />
        </>
      )}
      <div className="tool-row">
        <button
          type="button"
          onClick={() => {
            downloadText(playbookToJson(active.playbook), EXPORT_FILE_NAME, 'application/json');
            show({ kind: 'done', text: `Exported “${active.playbook.name}” as ${EXPORT_FILE_NAME}.` });
          }}
        >
          Export playbook
        </button>
        {!managed && <ResetControl run={run} />}
      </div>
      <OutcomeView outcome={outcome} />
    </section>
  );
}

type Run = (busy: string, action: () => Promise<Outcome>) => void;

/** Saves a checked playbook, or lists what is wrong with it and changes nothing. */
async function save(fetched: FetchedPlaybook, from: string): Promise<Outcome> {
  if (!fetched.ok) {
    return fetched.kind === 'invalid'
      ? { kind: 'invalid', from, errors: fetched.errors }
      : { kind: 'failed', text: fetched.message };
  }
  await importPlaybook(fetched.playbook);
  return { kind: 'done', text: importedMessage(fetched.playbook) };
}

function FileImport({ run }: { run: Run }) {
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    run(`Checking “${file.name}”…`, async () => save(await readPlaybookFile(file), `“${file.name}”`));
    // Choosing the same file again (after fixing it) must fire another change.
    input.value = '';
  };
  return (
    <label className="file-import">
      Import playbook from a file
      <input type="file" accept="application/json,.json" onChange={choose} />
    </label>
  );
}

/**
 * Asks for the playbook's origin, inside the click; browsers without a permissions API simply fetch (the request then
 * works only where the server allows it).
 */
const requestPlaybookOrigin = (url: URL) =>
  requestOrigin(
    url.origin,
    `Kept was not allowed to read from ${url.origin}. Import again and allow access when your browser asks, or download the file and import it from your computer.`,
  );

function UrlImport({ run, onInvalidUrl }: { run: Run; onInvalidUrl: (message: string) => void }) {
  const [address, setAddress] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkPlaybookUrl(address);
    if (!checked.ok) return onInvalidUrl(checked.message);
    const { url } = checked;
    // Asked before anything is awaited, while the click still counts as a user gesture.
    const access = requestPlaybookOrigin(url);
    run(`Downloading ${url.href}…`, async () => {
      const allowed = await access;
      if (!allowed.granted) return { kind: 'failed', text: allowed.why };
      return save(await fetchPlaybook(url, fetch), url.href);
    });
  };
  return (
    <form className="url-import" onSubmit={submit} noValidate>
      <label>
        Playbook URL
        <input
          type="url"
          inputMode="url"
          placeholder="https://…"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
        />
      </label>
      <button type="submit">Import from URL</button>
    </form>
  );
}

function ResetControl({ run }: { run: Run }) {
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Whichever button replaced the one just pressed takes the focus: Cancel (the safe choice), then Reset again.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    (confirming ? cancelButton : resetButton).current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" ref={resetButton} onClick={() => setConfirming(true)}>
        Reset to the starter playbook
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>Replace the current playbook with Kept's starter playbook?</legend>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setConfirming(false);
          run('Resetting…', async () => {
            await resetPlaybook();
            return { kind: 'done', text: "Kept's starter playbook is in use again." };
          });
        }}
      >
        Confirm reset
      </button>
      <button type="button" ref={cancelButton} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </fieldset>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  return (
    <div aria-live="polite" className="outcome">
      {(outcome.kind === 'busy' || outcome.kind === 'done') && <p className="muted">{outcome.text}</p>}
      {outcome.kind === 'failed' && <p className="error">{outcome.text}</p>}
      {outcome.kind === 'invalid' && (
        <div className="invalid">
          <p className="error">
            {`${outcome.from} is not a valid playbook (${outcome.errors.length} problem${outcome.errors.length === 1 ? '' : 's'}); nothing was changed.`}
          </p>
          <ErrorList label="Playbook errors" errors={outcome.errors} />
        </div>
      )}
    </div>
  );
}
