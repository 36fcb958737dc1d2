import { useId } from 'react';
import type { TokenInput } from '@/utils/connections/tokens';
import type { ConnectionField, HelpdeskAdapter, TokenApi } from '@/utils/helpdesks/types';
import { useTokenConnection } from '@/utils/options/helpdesks';
import { maskSecret } from '@/utils/privacy/export';
import type { HelpdeskToken, TokenCheck } from '@/utils/schemas';
import { relativeTime } from '@/utils/time';
import { ChoiceSelect } from '../ChoiceSelect';
import { OutcomeNote } from './OutcomeView';

interface Props {
  adapter: Pick<HelpdeskAdapter, 'id' | 'name'> & { token: TokenApi };
  /** The saved credentials, if any. */
  saved: HelpdeskToken | undefined;
  now: number;
}

/** "Checked 2 minutes ago: Gorgias accepted the token." */
export function checkText(checked: TokenCheck | undefined, now: number): string {
  return checked ? `Checked ${relativeTime(checked.at, now)}: ${checked.message}` : 'Not checked yet.';
}

/**
 * One helpdesk's API-token connection in Options → Helpdesks: the fields its API needs, saved to this browser only
 * (the secret shown masked from then on), a check, and delete.
 */
export function TokenConnection({ adapter, saved, now }: Props) {
  const connection = useTokenConnection(adapter);
  const { token: api, name } = adapter;
  return (
    <div className="token-connection">
      {saved && !connection.replacing ? (
        <>
          <p>
            API token {maskSecret(saved.secret)} for {api.origin(saved)}
            {saved.user ? ` (${saved.user})` : ''}, saved {relativeTime(saved.savedAt, now)}.
          </p>
          <p className={saved.checked && !saved.checked.ok ? 'error' : 'muted'}>{checkText(saved.checked, now)}</p>
          <TokenRightsNote name={name} />
          <div className="form-actions">
            <button type="button" onClick={connection.check}>
              Check {name} connection
            </button>
            <button type="button" onClick={() => connection.setReplacing(true)}>
              Replace {name} token
            </button>
            <button type="button" onClick={connection.remove}>
              Delete {name} token
            </button>
          </div>
        </>
      ) : (
        <TokenForm adapter={adapter} saved={saved} connection={connection} />
      )}
      <OutcomeNote outcome={connection.outcome} />
    </div>
  );
}

/** What a saved token lets every rep see: the token's rights, not the rep's own. */
function TokenRightsNote({ name }: { name: string }) {
  return (
    <p className="muted">
      A token reads with the rights of whoever created it: every rep using Kept in this browser sees the earlier {name}{' '}
      conversations it can read, of every customer, even where their own {name} account could not. Create it for a role
      that sees only what reps may see.
    </p>
  );
}

interface FormProps {
  adapter: Pick<HelpdeskAdapter, 'id' | 'name'> & { token: TokenApi };
  saved: HelpdeskToken | undefined;
  connection: ReturnType<typeof useTokenConnection>;
}

function TokenForm({ adapter: { token: api, name }, saved, connection }: FormProps) {
  const { input, setInput, replacing, setReplacing, submit } = connection;
  const field = (key: keyof TokenInput, secret = false) => (
    <TokenField
      name={key}
      spec={api.fields[key]}
      value={input[key]}
      secret={secret}
      onChange={(value) => setInput({ ...input, [key]: value })}
    />
  );
  return (
    <details open={replacing || undefined}>
      <summary>Connect {name} with an API token (optional)</summary>
      <form className="form" onSubmit={submit} aria-label={`${name} API token`}>
        <p className="muted">
          With an API token Kept loads each customer’s earlier {name} conversations. {api.help} The token stays in this
          browser only.
        </p>
        <TokenRightsNote name={name} />
        {field('account')}
        {field('user')}
        {field('secret', true)}
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
  );
}

interface FieldProps {
  name: keyof TokenInput;
  spec: ConnectionField | undefined;
  value: string;
  secret: boolean;
  onChange: (value: string) => void;
}

function TokenField({ name, spec, value, secret, onChange }: FieldProps) {
  const id = `${useId()}-${name}`;
  if (!spec) return null;
  const common = {
    id,
    'aria-describedby': `${id}-hint`,
    // A list's first choice is what the form holds until the admin picks another.
    value: value || (spec.choices?.[0]?.value ?? ''),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label}</label>
      {spec.choices ? (
        <ChoiceSelect {...common} choices={spec.choices} onChange={onChange} />
      ) : (
        <input
          {...common}
          type={secret ? 'password' : 'text'}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <p id={`${id}-hint`} className="muted">
        {spec.hint}
      </p>
    </div>
  );
}
