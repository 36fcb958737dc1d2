import { type FormEvent, useId, useState } from 'react';
import { helpdeskTokens, type TokenInput, tokenFromInput } from '@/utils/connections/tokens';
import type { ConnectionField, HelpdeskAdapter, TokenApi } from '@/utils/helpdesks/types';
import { requestOrigin } from '@/utils/host-access';
import { send } from '@/utils/messages';
import { maskSecret } from '@/utils/privacy/export';
import type { HelpdeskToken, TokenCheck } from '@/utils/schemas';
import { relativeTime } from '@/utils/time';

interface Props {
  adapter: Pick<HelpdeskAdapter, 'id' | 'name'> & { token: TokenApi };
  /** The saved credentials, if any. */
  saved: HelpdeskToken | undefined;
  now: number;
}

type Note = { error: boolean; text: string };

const EMPTY: TokenInput = { account: '', user: '', secret: '' };

/** What the form shows is what is saved: an untouched list field holds its first choice. */
function withDefaults(api: TokenApi, input: TokenInput): TokenInput {
  const first = (key: 'account' | 'user') => input[key] || (api.fields[key]?.choices?.[0]?.value ?? '');
  return { ...input, account: first('account'), user: first('user') };
}

/** "Checked 2 min ago: Gorgias accepted the token." */
export function checkText(checked: TokenCheck | undefined, now: number): string {
  return checked ? `Checked ${relativeTime(checked.at, now)}: ${checked.message}` : 'Not checked yet.';
}

/** Asks the background to try the saved token; a failure to ask is itself a readable outcome. */
const check = (adapter: Pick<HelpdeskAdapter, 'id' | 'name'>): Promise<Note> =>
  send('connection:check', { helpdesk: adapter.id }).then(
    (checked) => ({ error: !checked.ok, text: checked.message }),
    (error: unknown) => ({ error: true, text: `Could not check the connection: ${String(error)}` }),
  );

/**
 * One helpdesk's API-token connection in Options → Helpdesks: the fields its API needs, saved to this browser only
 * (the secret shown masked from then on), a check, and delete.
 */
export function TokenConnection({ adapter, saved, now }: Props) {
  const [input, setInput] = useState<TokenInput>(EMPTY);
  const [replacing, setReplacing] = useState(false);
  const [note, setNote] = useState<Note>({ error: false, text: '' });
  const id = useId();
  const { token: api, name } = adapter;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = tokenFromInput(api, withDefaults(api, input), Date.now());
    if (!token.ok) return setNote({ error: true, text: token.error.message });
    const origin = api.origin(token.value);
    // The permission prompt needs this click: ask before anything is awaited.
    const access = requestOrigin(
      origin,
      `Kept was not allowed to reach ${origin}, so the token was not saved. Save again and allow access when your browser asks.`,
    );
    setNote({ error: false, text: `Saving and checking the ${name} token…` });
    void access
      .then(async (granted) => {
        if (!granted.granted) return { error: true, text: granted.why };
        await helpdeskTokens.save(adapter.id, token.value);
        setInput(EMPTY);
        setReplacing(false);
        return check(adapter);
      })
      .catch((error: unknown) => ({ error: true, text: `The token was not saved: ${String(error)}` }))
      .then(setNote);
  };

  const remove = () => {
    void helpdeskTokens.remove(adapter.id).then(
      () => setNote({ error: false, text: `The ${name} token is deleted from this browser.` }),
      (error: unknown) => setNote({ error: true, text: `The token was not deleted: ${String(error)}` }),
    );
  };

  const field = (key: keyof TokenInput, spec: ConnectionField | undefined, secret = false) => {
    if (!spec) return null;
    const common = {
      id: `${id}-${key}`,
      'aria-describedby': `${id}-${key}-hint`,
      // A list's first choice is what the form holds until the admin picks another.
      value: input[key] || (spec.choices?.[0]?.value ?? ''),
    };
    return (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>{spec.label}</label>
        {spec.choices ? (
          <select {...common} onChange={(e) => setInput({ ...input, [key]: e.target.value })}>
            {spec.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            type={secret ? 'password' : 'text'}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setInput({ ...input, [key]: e.target.value })}
          />
        )}
        <p id={`${id}-${key}-hint`} className="muted">
          {spec.hint}
        </p>
      </div>
    );
  };

  return (
    <div className="token-connection">
      {saved && !replacing ? (
        <>
          <p>
            API token {maskSecret(saved.secret)} for {api.origin(saved)}
            {saved.user ? ` (${saved.user})` : ''}, saved {relativeTime(saved.savedAt, now)}.
          </p>
          <p className={saved.checked && !saved.checked.ok ? 'error' : 'muted'}>{checkText(saved.checked, now)}</p>
          <div className="form-actions">
            <button
              type="button"
              onClick={() => {
                setNote({ error: false, text: `Checking the ${name} token…` });
                void check(adapter).then(setNote);
              }}
            >
              Check {name} connection
            </button>
            <button type="button" onClick={() => setReplacing(true)}>
              Replace {name} token
            </button>
            <button type="button" onClick={remove}>
              Delete {name} token
            </button>
          </div>
        </>
      ) : (
        <details open={replacing || undefined}>
          <summary>Connect {name} with an API token (optional)</summary>
          <form className="form" onSubmit={submit} aria-label={`${name} API token`}>
            <p className="muted">
              With an API token Kept loads each customer’s earlier {name} conversations. {api.help} The token stays in
              this browser only.
            </p>
            {field('account', api.fields.account)}
            {field('user', api.fields.user)}
            {field('secret', api.fields.secret, true)}
            <div className="form-actions">
              <button type="submit">Save {name} token</button>
              {saved && (
                <button type="button" onClick={() => setReplacing(false)}>
                  Keep the saved token
                </button>
              )}
            </div>
          </form>
        </details>
      )}
      <p aria-live="polite" className={note.error ? 'error' : 'muted'}>
        {note.text}
      </p>
    </div>
  );
}
