// An organisation's policy (storage.managed, described in public/managed_schema.json): each admin setting it sets
// wins over the rep's own and cannot be changed in Options. The playbook keys (`playbook`, `roles`, `presetRole`)
// are read by utils/playbook/store.ts; this file reads the others.
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { parseRosterCsv } from './kudos/roster-csv';
import type { Roster } from './kudos/schema';
import {
  CustomHelpdeskRule,
  type DeliveryTarget,
  HelpdeskId,
  HelpdeskSwitches,
  HelpdeskToken,
  HistoryCap,
  RetentionDays,
  TeamFeed,
  text,
} from './schemas';
import type { SettingItem } from './secrets';

const httpsUrl = z.url({ protocol: /^https$/ });

/** Where messages go, as a policy says it: `delivery` (kudos) and `feedback` (the playbook owner's channel). */
export const PolicyChannel = z.object({
  kind: z.enum(['slack', 'teams', 'webhook', 'none']),
  url: z.optional(httpsUrl),
  hmacSecret: z.optional(text(200)),
});
export type PolicyChannel = z.infer<typeof PolicyChannel>;

const HOST = z.string().check(z.maxLength(253), z.regex(/^[a-z0-9.-]+$/i));

/** Every policy key this file reads, and its shape. A key that does not parse is ignored (and said so). */
export const POLICY = {
  delivery: PolicyChannel,
  feedback: PolicyChannel,
  /** An https URL of a `name,email,team` CSV, or the CSV itself. */
  roster: text(500_000),
  retentionDays: RetentionDays,
  historyCap: HistoryCap,
  helpdesks: HelpdeskSwitches,
  allowedTenants: z.partialRecord(HelpdeskId, z.array(HOST).check(z.maxLength(200))),
  customHelpdesks: z.array(CustomHelpdeskRule).check(z.maxLength(50)),
  /** API credentials per token helpdesk; read by the background only. */
  tokens: z.partialRecord(HelpdeskId, z.object({ ...HelpdeskToken.shape, savedAt: z.optional(z.number()) })),
  /** Locked on: every kudos' customer quote is masked. */
  maskQuotes: z.boolean(),
  /** Where the team's kudos are read back from (a Slack app's channel or a JSON feed). */
  teamFeed: TeamFeed,
} as const;
export type PolicyKey = keyof typeof POLICY;
export type PolicyValue<K extends PolicyKey> = z.infer<(typeof POLICY)[K]>;

/** A policy key's value, or undefined when the policy does not set it (or the browser has no managed area). */
export async function readPolicy<K extends PolicyKey>(key: K): Promise<PolicyValue<K> | undefined> {
  const raw = await storage.getItem(`managed:${key}`).catch(() => undefined);
  if (raw === null || raw === undefined) return undefined;
  const parsed = POLICY[key].safeParse(raw);
  if (parsed.success) return parsed.data as PolicyValue<K>;
  console.warn(`[Kept] the policy's "${key}" is invalid and not used:\n${z.prettifyError(parsed.error)}`);
  return undefined;
}

export const watchPolicy = (key: PolicyKey, callback: () => void): (() => void) =>
  storage.watch(`managed:${key}`, callback);

/** The delivery target a policy channel means: `none` keeps kudos in Kept. */
export function targetOf(channel: PolicyChannel): DeliveryTarget {
  if (channel.kind === 'none' || !channel.url) return { kind: 'kept' };
  if (channel.kind === 'webhook') {
    return { kind: 'webhook', url: channel.url, ...(channel.hmacSecret ? { secret: channel.hmacSecret } : {}) };
  }
  return { kind: channel.kind, url: channel.url };
}

/** The roster a policy names: the CSV it holds, or the one at its https URL (fetched without following redirects). */
export async function rosterOf(value: string): Promise<Roster | undefined> {
  const csv = httpsUrl.safeParse(value.trim()).success
    ? await fetch(value.trim(), { redirect: 'error', credentials: 'omit' }).then((r) => (r.ok ? r.text() : ''))
    : value;
  const parsed = parseRosterCsv(csv);
  if (!parsed.ok) console.warn('[Kept] the policy’s roster is invalid and not used', parsed.errors);
  return parsed.ok ? { people: parsed.people, teams: [] } : undefined;
}

/** Whether the policy locks quote masking on, live. */
export const quoteMaskingLocked = {
  getValue: async () => (await readPolicy('maskQuotes')) === true,
  watch: (callback: (locked: boolean) => void) =>
    watchPolicy('maskQuotes', () => void quoteMaskingLocked.getValue().then(callback)),
};

export const MANAGED_MESSAGE = 'This setting is managed by your organisation.';

/** A stored setting the policy can set instead: read from the policy when it does, and then refused to writes. */
export interface ManagedItem<T> extends SettingItem<T> {
  /** The policy's value, or undefined when the rep's own setting is in force. */
  managedValue(): Promise<T | undefined>;
}

export function managedItem<T, K extends PolicyKey>(
  item: SettingItem<T>,
  key: K,
  fromPolicy: (value: PolicyValue<K>) => T | undefined | Promise<T | undefined>,
): ManagedItem<T> {
  const managedValue = async () => {
    const value = await readPolicy(key);
    return value === undefined ? undefined : fromPolicy(value);
  };
  // Both at once: a case report reads several settings on the way to the panel, each a round trip.
  const getValue = async () => {
    const [managed, own] = await Promise.all([managedValue(), item.getValue()]);
    return managed ?? own;
  };
  return {
    fallback: item.fallback,
    managedValue,
    getValue,
    setValue: async (value: T) => {
      if ((await managedValue()) !== undefined) throw new Error(MANAGED_MESSAGE);
      await item.setValue(value);
    },
    watch: (callback) => {
      const changed = () => void getValue().then((value) => callback(value, value));
      const stops = [item.watch(changed), watchPolicy(key, changed)];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
