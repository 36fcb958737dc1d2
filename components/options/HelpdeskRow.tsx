import { useId } from 'react';
import { connectionOf, connectionText, seenText } from '@/utils/helpdesks/seen';
import type { HelpdeskAdapter } from '@/utils/helpdesks/types';
import type { HelpdeskSeen, SyncState } from '@/utils/schemas';

interface Props {
  adapter: HelpdeskAdapter;
  on: boolean;
  seen: HelpdeskSeen[keyof HelpdeskSeen];
  /** Every history fetch outcome; undefined while loading. */
  syncRows: readonly SyncState[] | undefined;
  now: number;
  onToggle: (on: boolean) => void;
}

/** One helpdesk: its switch (labelled with its name), when Kept last saw it, and its last history fetch. */
export function HelpdeskRow({ adapter, on, seen, syncRows, now, onToggle }: Props) {
  const id = useId();
  const connection = syncRows === undefined ? undefined : connectionOf(adapter, syncRows);
  const failed = connection?.kind === 'problem';
  return (
    <li className="helpdesk">
      <label className="helpdesk-switch">
        <input
          type="checkbox"
          checked={on}
          aria-describedby={`${id}-seen ${id}-connection`}
          onChange={(e) => onToggle(e.target.checked)}
        />
        {adapter.name}
      </label>
      <p id={`${id}-seen`} className="muted">
        {seenText(seen, now)}
      </p>
      <p id={`${id}-connection`} className={failed ? 'error' : 'muted'}>
        {connection ? connectionText(connection, now) : 'Checking history fetches…'}
      </p>
    </li>
  );
}
