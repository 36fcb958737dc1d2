import { type StorageItemKey, storage, type WxtStorageItem } from 'wxt/utils/storage';
import * as z from 'zod/mini';

/** A WXT storage item, as every setting Kept stores is one. */
export type StoredItem<T> = WxtStorageItem<T, Record<string, unknown>>;

interface CheckedItemOptions<S extends z.ZodMiniType> {
  /** What every write must satisfy. */
  schema: S;
  fallback: z.infer<S>;
  /** How a stored value is read; by default it must parse whole, else the fallback is used (and says so). */
  read?: (raw: unknown) => z.infer<S>;
  version?: number;
  migrations?: Record<number, (old: unknown) => unknown>;
}

/**
 * A WXT storage item checked against its schema: a stored value that no longer parses reads as the fallback rather
 * than breaking a page, and a value that does not parse is refused with a readable message, writing nothing.
 */
export function checkedItem<S extends z.ZodMiniType>(
  key: StorageItemKey,
  { schema, fallback, read, version = 1, migrations }: CheckedItemOptions<S>,
): StoredItem<z.infer<S>> {
  type T = z.infer<S>;
  const item = storage.defineItem<T>(key, { fallback, version, migrations });
  const parse =
    read ??
    ((raw: unknown): T => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) return parsed.data as T;
      console.warn(`[Kept] setting ${key} is invalid, using the default:\n${z.prettifyError(parsed.error)}`);
      return fallback;
    });
  return {
    ...item,
    fallback,
    defaultValue: fallback,
    getValue: async () => parse(await item.getValue()),
    setValue: async (value: T) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
      await item.setValue(parsed.data as T);
    },
    watch: (callback) => item.watch((next, previous) => callback(parse(next), parse(previous))),
  };
}
