import { useId } from 'react';
import { i18n } from '#i18n';
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
  return checked
    ? i18n.t('options.token.checked', { when: relativeTime(checked.at, now), message: checked.message })
    : i18n.t('options.token.notChecked');
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
            {i18n.t(saved.user ? 'options.token.savedAsUser' : 'options.token.saved', {
              secret: maskSecret(saved.secret),
              origin: api.origin(saved),
              user: saved.user ?? '',
              when: relativeTime(saved.savedAt, now),
            })}
          </p>
          <p className={saved.checked && !saved.checked.ok ? 'error' : 'muted'}>{checkText(saved.checked, now)}</p>
          <TokenRightsNote name={name} />
          <div className="form-actions">
            <button type="button" onClick={connection.check}>
              {i18n.t('options.token.check', { name })}
            </button>
            <button type="button" onClick={() => connection.setReplacing(true)}>
              {i18n.t('options.token.replace', { name })}
            </button>
            <button type="button" onClick={connection.remove}>
              {i18n.t('options.token.delete', { name })}
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
  return <p className="muted">{i18n.t('options.token.rights', { name })}</p>;
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
      <summary>{i18n.t('options.token.connect', { name })}</summary>
      <form className="form" onSubmit={submit} aria-label={i18n.t('options.token.form', { name })}>
        <p className="muted">{i18n.t('options.token.intro', { name, help: api.help })}</p>
        <TokenRightsNote name={name} />
        {field('account')}
        {field('user')}
        {field('secret', true)}
        <div className="form-actions">
          <button type="submit">{i18n.t('options.token.save', { name })}</button>
          {saved && (
            <button type="button" onClick={() => setReplacing(false)}>
              {i18n.t('options.token.keep')}
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
