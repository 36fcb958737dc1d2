import * as z from 'zod/mini';
import { KudosRules, Roster } from './kudos/schema';
import { managedItem, rosterOf, targetOf } from './policy';
import { DeliveryTarget, HelpdeskId, HelpdeskSwitches, HistoryCap, Profile, RetentionDays, RoleId } from './schemas';
import { secretItem } from './secrets';
import { checkedItem } from './storage-item';
import { ALLOWED_TENANTS_KEY } from './tenants';

/** Hosts Kept reads per helpdesk (utils/tenants.ts); a helpdesk not listed: every tenant. */
export const TenantAllowlist = z.partialRecord(
  HelpdeskId,
  z.array(z.string().check(z.maxLength(253), z.regex(/^[a-z0-9.-]+$/))).check(z.maxLength(200)),
);

const KEPT_ONLY: DeliveryTarget = { kind: 'kept' };

/**
 * The rep's settings in `storage.local`, each a storage item checked against its schema. An admin setting the
 * organisation's policy sets (utils/policy.ts) reads from the policy and refuses writes.
 */
export const settings = {
  profile: checkedItem('local:profile', { schema: Profile, fallback: { name: '', email: '' } }),
  roleId: checkedItem('local:roleId', { schema: RoleId, fallback: null }),
  // A credential (webhook URLs carry theirs): in the secrets database, out of content scripts' reach.
  deliveryTarget: managedItem(secretItem('deliveryTarget', DeliveryTarget, KEPT_ONLY), 'delivery', targetOf),
  // The playbook owner's channel, for reps' feedback on behaviours: a credential like the kudos one.
  feedbackTarget: managedItem(secretItem('feedbackTarget', DeliveryTarget, KEPT_ONLY), 'feedback', targetOf),
  // Every helpdesk is on until the rep turns it off.
  helpdesks: managedItem(
    checkedItem('local:helpdesks', { schema: HelpdeskSwitches, fallback: {} }),
    'helpdesks',
    (switches) => switches,
  ),
  allowedTenants: managedItem(
    checkedItem(`local:${ALLOWED_TENANTS_KEY}`, { schema: TenantAllowlist, fallback: {} }),
    'allowedTenants',
    (tenants) => tenants,
  ),
  historyCap: managedItem(
    checkedItem('local:historyCap', { schema: HistoryCap, fallback: 500 }),
    'historyCap',
    (n) => n,
  ),
  roster: managedItem(
    checkedItem('local:roster', { schema: Roster, fallback: { people: [], teams: [] } }),
    'roster',
    rosterOf,
  ),
  retentionDays: managedItem(
    checkedItem('local:retentionDays', { schema: RetentionDays, fallback: 90 }),
    'retentionDays',
    (days) => days,
  ),
  kudosRules: checkedItem('local:kudosRules', {
    schema: KudosRules,
    fallback: { minMessageLength: 20, requirePromise: false },
  }),
};
