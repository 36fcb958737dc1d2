// Credentials (helpdesk API tokens, the kudos and feedback webhook URLs and their signing secrets) live in the extension's own
// IndexedDB, in a small database of their own. Extension pages and the background read it; content scripts, which
// run in the helpdesk page's origin, cannot, whereas they can read all of `storage.local`, where these used to be.
import Dexie, { type EntityTable, liveQuery } from 'dexie';
import * as z from 'zod/mini';

interface SecretRow {
  key: string;
  value: unknown;
}

export class SecretsDB extends Dexie {
  secrets!: EntityTable<SecretRow, 'key'>;
  constructor(name = 'kept-secrets') {
    super(name);
    this.version(1).stores({ secrets: 'key' });
  }
}

export const secretsDb = new SecretsDB();

/** What a setting offers the code that reads and writes it, wherever it is stored. */
export interface SettingItem<T> {
  fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Called with the new value on every change (the previous one is not known: both arguments are the new value). */
  watch(callback: (value: T, previous: T) => void): () => void;
}

// A credential still in storage.local (written by an older Kept) goes to the database, then leaves storage.local;
// checked on every read, since another page may still be on the older version. One move per key at a time.
const moving = new Map<string, Promise<void>>();

async function moveFromLocal(key: string, database: SecretsDB): Promise<void> {
  const local = (await browser.storage.local.get(key))[key];
  if (local === undefined) return;
  if ((await database.secrets.get(key)) === undefined) await database.secrets.put({ key, value: local });
  await browser.storage.local.remove(key);
}

/** Moves every credential Kept kept in storage.local before into the database; the background runs it at start. */
export const moveSecretsFromLocal = (keys: readonly string[] = SECRET_KEYS, database = secretsDb): Promise<unknown> =>
  Promise.all(keys.map((key) => movedFromLocal(key, database)));

function movedFromLocal(key: string, database: SecretsDB): Promise<void> {
  const known = moving.get(key);
  if (known) return known;
  const move = moveFromLocal(key, database)
    .catch((error: unknown) => console.warn(`[Kept] could not move ${key} out of storage.local`, error))
    .finally(() => moving.delete(key));
  moving.set(key, move);
  return move;
}

/** The settings that are credentials: their storage.local keys before, their keys in the database now. */
export const SECRET_KEYS = ['deliveryTarget', 'feedbackTarget', 'helpdeskTokens'] as const;

/** A credential setting in the secrets database, checked against its schema like every setting. */
export function secretItem<S extends z.ZodMiniType>(
  key: (typeof SECRET_KEYS)[number],
  schema: S,
  fallback: z.infer<S>,
  database: SecretsDB = secretsDb,
): SettingItem<z.infer<S>> {
  type T = z.infer<S>;
  const parse = (raw: unknown): T => {
    if (raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data as T;
    console.warn(`[Kept] setting ${key} is invalid, using the default:\n${z.prettifyError(parsed.error)}`);
    return fallback;
  };
  const read = async () => {
    await movedFromLocal(key, database);
    return (await database.secrets.get(key))?.value;
  };
  return {
    fallback,
    getValue: async () => parse(await read()),
    setValue: async (value: T) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
      await movedFromLocal(key, database);
      await database.secrets.put({ key, value: parsed.data });
    },
    watch: (callback) => {
      let first = true;
      // Only Dexie inside a live query: it tracks what the query read, which other calls would break.
      const subscription = liveQuery(() => database.secrets.get(key)).subscribe({
        next: (row) => {
          const raw = row?.value;
          // The first answer is the value as it is, not a change.
          if (first) first = false;
          else callback(parse(raw), parse(raw));
        },
        error: (error: unknown) => console.warn(`[Kept] watching ${key} failed`, error),
      });
      return () => subscription.unsubscribe();
    },
  };
}
