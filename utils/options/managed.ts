import type { ManagedItem } from '../policy';
import type { Readable } from '../state/use-stored';
import { useStored } from '../state/use-stored';

// One readable flag per managed setting, kept for the page's life so useStored sees the same item on every render.
const flags = new WeakMap<object, Readable<boolean>>();

function managedFlag<T>(item: ManagedItem<T>): Readable<boolean> {
  const known = flags.get(item);
  if (known) return known;
  const isManaged = async () => (await item.managedValue()) !== undefined;
  const flag: Readable<boolean> = {
    getValue: isManaged,
    watch: (callback) => item.watch(() => void isManaged().then(callback)),
  };
  flags.set(item, flag);
  return flag;
}

/** Whether the organisation's policy sets this setting (Options then shows it and offers no change); undefined while read. */
export const useManaged = <T>(item: ManagedItem<T>): boolean | undefined => useStored(managedFlag(item));
