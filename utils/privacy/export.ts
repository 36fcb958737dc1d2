import { storage } from 'wxt/utils/storage';
import { db as defaultDb, type KeptDB } from '../db';
import { secretsDb } from '../secrets';

/** Settings keys whose values are credentials: exported masked, never in full. */
const SECRET_PATHS: Record<string, string[]> = {
  deliveryTarget: ['url', 'secret'],
  feedbackTarget: ['url', 'secret'],
};
const SECRET_KEY = /token|secret|password/i;

/** "https://hooks.slack.com/services/T0…" keeps where it goes, not what opens it. */
export function maskSecret(value: string): string {
  try {
    const url = new URL(value);
    return `${url.origin}/…(masked)`;
  } catch {
    return value.length <= 4 ? '••••' : `••••${value.slice(-4)}`;
  }
}

function maskSettings(key: string, value: unknown): unknown {
  if (typeof value === 'string' && SECRET_KEY.test(key)) return maskSecret(value);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const paths = SECRET_PATHS[key] ?? [];
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      typeof v === 'string' && (paths.includes(k) || SECRET_KEY.test(k)) ? maskSecret(v) : maskSettings(k, v),
    ]),
  );
}

/** Everything Kept stores in this browser, as one JSON document; credentials masked. */
export async function exportAllData(now: number, database: KeptDB = defaultDb): Promise<string> {
  const tables = Object.fromEntries(
    await Promise.all(database.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  );
  const local = await browser.storage.local.get(null);
  const secrets = await secretsDb.secrets.toArray();
  const settings = Object.fromEntries(
    [...Object.entries(local), ...secrets.map((row) => [row.key, row.value] as const)].map(([k, v]) => [
      k,
      maskSettings(k, v),
    ]),
  );
  return JSON.stringify({ exportedBy: 'Kept', exportedAt: new Date(now).toISOString(), settings, ...tables }, null, 2);
}

/** Deletes every Kept record and setting in this browser (organisation policies are not Kept's to delete). */
export async function deleteAllData(database: KeptDB = defaultDb): Promise<void> {
  await Promise.all([...database.tables, secretsDb.secrets].map((t) => t.clear()));
  await storage.clear('local');
  await storage.clear('session');
}
