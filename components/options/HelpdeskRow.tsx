import { useId } from 'react';
import { i18n } from '#i18n';
import { connectionOf, connectionText, seenText } from '@/utils/connections/seen';
import type { ListedHelpdesk } from '@/utils/helpdesks';
import type { HelpdeskSeen, HelpdeskToken, SyncState } from '@/utils/schemas';
import { ManagedNote } from './ManagedNote';
import { TokenConnection } from './TokenConnection';

interface Props {
  adapter: ListedHelpdesk;
  on: boolean;
  /** The organisation's policy sets the switches. */
  switchManaged?: boolean;
  /** The organisation's policy sets the API tokens. */
  tokenManaged?: boolean;
  seen: HelpdeskSeen[keyof HelpdeskSeen];
  /** This helpdesk's saved API token, if it takes one and one is saved. */
  token: HelpdeskToken | undefined;
  /** Every history fetch outcome; undefined while loading. */
  syncRows: readonly SyncState[] | undefined;
  now: number;
  onToggle: (on: boolean) => void;
}

/**
 * One helpdesk: its switch (labelled with its name), when Kept last saw it, its last history fetch, and its API-token
 * connection where it takes one.
 */
export function HelpdeskRow({ adapter, on, switchManaged, tokenManaged, seen, token, syncRows, now, onToggle }: Props) {
  const id = useId();
  const connection = syncRows === undefined ? undefined : connectionOf(adapter, syncRows, token !== undefined);
  const tokenApi = adapter.token;
  const failed = connection?.kind === 'problem';
  return (
    <li className="helpdesk">
      <label className="helpdesk-switch">
        <input
          type="checkbox"
          checked={on}
          disabled={switchManaged}
          aria-describedby={`${id}-seen ${id}-connection`}
          onChange={(e) => onToggle(e.target.checked)}
        />
        {adapter.name}
      </label>
      <p id={`${id}-seen`} className="muted">
        {seenText(seen, now)}
      </p>
      <p id={`${id}-connection`} className={failed ? 'error' : 'muted'}>
        {connection ? connectionText(connection, now) : i18n.t('options.helpdesks.checking')}
      </p>
      {tokenApi && (
        <fieldset className="managed-fields" disabled={tokenManaged}>
          <ManagedNote managed={tokenManaged} />
          <TokenConnection adapter={{ ...adapter, token: tokenApi }} saved={token} now={now} />
        </fieldset>
      )}
    </li>
  );
}
