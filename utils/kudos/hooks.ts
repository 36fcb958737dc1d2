// The kudos the wall and the popup show, live from the database, and the actions on one kudos.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { db } from '../db';
import { send } from '../messages';
import type { Playbook } from '../playbook/schema';
import { errorText } from '../state/outcome';
import { useConfirmFocus } from '../state/use-confirm-focus';
import { deleteKudos, retryKudos } from './outbox';

/** Kudos newest first, live; `limit` keeps only the latest; undefined while loading. */
export function useKudos(limit?: number) {
  return useLiveQuery(() => {
    const newest = db.kudos.orderBy('createdAt').reverse();
    return (limit === undefined ? newest : newest.limit(limit)).toArray();
  }, [limit]);
}

/** Promise titles by id, to say which promise a kudos honours. */
export function usePromiseTitles(playbook: Playbook | undefined): ReadonlyMap<string, string> {
  return useMemo(() => new Map(playbook?.promises.map((p) => [p.id, p.title])), [playbook]);
}

/** Retry (failed kudos) and Delete, which asks first. */
export function useKudosActions(id: string) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const { ask: deleteButton, cancel: cancelButton } = useConfirmFocus(confirming);

  const failed = (what: string) => (e: unknown) => setError(`${what} did not work: ${errorText(e)}`);
  const retry = () => {
    setError('');
    retryKudos(id, Date.now()).then(() => {
      // The background delivers it now; if it cannot be reached, the kudos goes out at its next start.
      send('outbox:wake', {}).catch(() => undefined);
    }, failed('Retry'));
  };
  const remove = () => {
    setError('');
    deleteKudos(id).catch((e: unknown) => {
      setConfirming(false);
      failed('Delete')(e);
    });
  };
  return { confirming, setConfirming, error, deleteButton, cancelButton, retry, remove };
}
