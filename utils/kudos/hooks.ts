// The kudos the wall and the popup show, live from the database, and the actions on one kudos.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { db } from '../db';
import { wakeOutbox } from '../messages';
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

  const failed = (key: 'common.retryFailed' | 'common.deleteFailed') => (e: unknown) =>
    setError(i18n.t(key, { problem: errorText(e) }));
  const retry = () => {
    setError('');
    // The background delivers it now; if it cannot be reached, the kudos goes out at its next start.
    retryKudos(id, Date.now()).then(wakeOutbox, failed('common.retryFailed'));
  };
  const remove = () => {
    setError('');
    // A failed kudos deleted is one fewer on the toolbar badge: the background's run recounts them.
    deleteKudos(id).then(wakeOutbox, (e: unknown) => {
      setConfirming(false);
      failed('common.deleteFailed')(e);
    });
  };
  return { confirming, setConfirming, error, deleteButton, cancelButton, retry, remove };
}
