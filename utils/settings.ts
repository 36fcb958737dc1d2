import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { KudosRules, Roster } from './kudos/schema';
import { DeliveryTarget, HelpdeskSwitches, HistoryCap, Profile, RetentionDays, RoleId } from './schemas';

/**
 * A setting in `storage.local`, validated on every read and write. A stored value that no longer parses falls back
 * to the default (and says so) rather than breaking a page. `version` gives later migrations a home.
 */
function setting<S extends z.ZodMiniType>(key: `local:${string}`, schema: S, fallback: z.infer<S>) {
  const item = storage.defineItem<z.infer<S>>(key, { fallback, version: 1 });
  const read = (raw: unknown): z.infer<S> => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data as z.infer<S>;
    console.warn(`[Kept] setting ${key} is invalid, using the default:\n${z.prettifyError(parsed.error)}`);
    return fallback;
  };
  return {
    key,
    fallback,
    get: async () => read(await item.getValue()),
    /** Throws with a readable message when the value is invalid; nothing is written then. */
    set: async (value: z.infer<S>) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
      await item.setValue(parsed.data as z.infer<S>);
    },
    watch: (callback: (value: z.infer<S>) => void) => item.watch((value) => callback(read(value))),
  };
}

export const settings = {
  profile: setting('local:profile', Profile, { name: '', email: '' }),
  roleId: setting('local:roleId', RoleId, null),
  deliveryTarget: setting('local:deliveryTarget', DeliveryTarget, { kind: 'kept' }),
  // Every helpdesk is on until the rep turns it off.
  helpdesks: setting('local:helpdesks', HelpdeskSwitches, {}),
  historyCap: setting('local:historyCap', HistoryCap, 500),
  roster: setting('local:roster', Roster, { people: [], teams: [] }),
  retentionDays: setting('local:retentionDays', RetentionDays, 90),
  kudosRules: setting('local:kudosRules', KudosRules, { minMessageLength: 20, requirePromise: false }),
};
