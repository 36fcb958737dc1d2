import { useSyncExternalStore } from 'react';
import { readableError } from './errors';
import { type DatabaseState, db, type KeptDB } from './index';

/** Whether this page can still use the database, live (a newer Kept may upgrade it while the page is open). */
export function useDatabaseState(database: KeptDB = db): DatabaseState {
  return useSyncExternalStore(
    (onChange) => database.onStateChange(onChange),
    () => database.state,
  );
}

/** What a screen that failed to render tells the rep, in the database's terms when the database is the cause. */
export const screenErrorText = (error: Error, database: KeptDB = db): string => readableError(error, database);
