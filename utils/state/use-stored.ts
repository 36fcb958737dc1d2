import { useEffect, useState } from 'react';

/** What `useStored` needs of a storage item: its value and its changes. */
export interface Readable<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * A stored value, live: changes made here or in another page show at once. `undefined` while it loads, and again
 * while a new item (another tab's case) loads.
 */
export function useStored<T>(item: Readable<T> | null | undefined): T | undefined {
  const [shown, setShown] = useState<{ item: Readable<T>; value: T }>();
  useEffect(() => {
    if (!item) return;
    let live = true;
    let changed = false;
    // A change that arrives while the first read is under way is newer than what that read returns.
    void item.getValue().then((value) => live && !changed && setShown({ item, value }));
    const stop = item.watch((value) => {
      changed = true;
      if (live) setShown({ item, value });
    });
    return () => {
      live = false;
      stop();
    };
  }, [item]);
  return item && shown?.item === item ? shown.value : undefined;
}
