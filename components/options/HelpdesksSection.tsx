import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { helpdeskSeen } from '@/utils/connections/seen';
import { helpdeskTokens } from '@/utils/connections/tokens';
import { db } from '@/utils/db';
import { listedHelpdesks } from '@/utils/helpdesks';
import type { HelpdeskId, HelpdeskSeen, HelpdeskSwitches, HelpdeskTokens } from '@/utils/schemas';
import { settings } from '@/utils/settings';
import { HelpdeskRow } from './HelpdeskRow';
import { HelpdeskRules } from './HelpdeskRules';

/** A stored value and its changes (here or in another tab); undefined while loading. */
function useStored<T>(read: () => Promise<T>, watch: (callback: (value: T) => void) => () => void): T | undefined {
  const [value, setValue] = useState<T>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per mount; the watcher follows changes.
  useEffect(() => {
    let live = true;
    void read().then((v) => live && setValue(v));
    const stop = watch((v) => live && setValue(v));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return value;
}

/** The time now, again every minute, so "Seen 3 min ago" ages while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * Options → Helpdesks: every helpdesk Kept knows with its switch, when Kept last saw it, how its history fetches
 * went and, for helpdesks without a session API, an optional API token; and the custom helpdesks an admin describes with a host, a ticket URL pattern and selectors.
 */
export function HelpdesksSection() {
  const switches = useStored<HelpdeskSwitches>(settings.helpdesks.get, settings.helpdesks.watch);
  const seen = useStored<HelpdeskSeen>(helpdeskSeen.get, helpdeskSeen.watch);
  const tokens = useStored<HelpdeskTokens>(helpdeskTokens.get, helpdeskTokens.watch);
  const syncRows = useLiveQuery(() => db.syncState.toArray(), []);
  const [note, setNote] = useState<{ error: boolean; text: string }>({ error: false, text: '' });
  const now = useNow();

  const toggle = (id: HelpdeskId, name: string, on: boolean) => {
    // Merged into what is stored now, so a switch flipped in another tab is not undone.
    settings.helpdesks
      .get()
      .then((current) => settings.helpdesks.set({ ...current, [id]: on }))
      .then(
        () =>
          setNote({
            error: false,
            text: on
              ? `${name} is on. Reload its open tabs for Kept to start there.`
              : `${name} is off: Kept ignores its pages.`,
          }),
        (error: unknown) =>
          setNote({ error: true, text: `${name} was not changed: ${error instanceof Error ? error.message : error}` }),
      );
  };

  return (
    <section aria-labelledby="helpdesks-title" className="options-section helpdesks">
      <h2 id="helpdesks-title" className="heading">
        Helpdesks
      </h2>
      <p className="muted">
        Kept works on every helpdesk below unless you switch it off. Switched off, Kept shows no button there and
        ignores its tickets.
      </p>
      {switches === undefined ? (
        <p className="muted" aria-busy="true">
          Loading the helpdesks…
        </p>
      ) : (
        <ul className="helpdesk-list">
          {listedHelpdesks.map((adapter) => (
            <HelpdeskRow
              key={adapter.id}
              adapter={adapter}
              on={switches[adapter.id] !== false}
              seen={seen?.[adapter.id]}
              token={tokens?.[adapter.id]}
              syncRows={syncRows}
              now={now}
              onToggle={(on) => toggle(adapter.id, adapter.name, on)}
            />
          ))}
        </ul>
      )}
      <p aria-live="polite" className={note.error ? 'error' : 'muted'}>
        {note.text}
      </p>
      <HelpdeskRules />
    </section>
  );
}
