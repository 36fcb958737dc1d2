import { KudosRules, Roster } from './kudos/schema';
import { DeliveryTarget, HelpdeskSwitches, HistoryCap, Profile, RetentionDays, RoleId } from './schemas';
import { checkedItem } from './storage-item';

/** The rep's settings in `storage.local`, each a storage item checked against its schema. */
export const settings = {
  profile: checkedItem('local:profile', { schema: Profile, fallback: { name: '', email: '' } }),
  roleId: checkedItem('local:roleId', { schema: RoleId, fallback: null }),
  deliveryTarget: checkedItem('local:deliveryTarget', { schema: DeliveryTarget, fallback: { kind: 'kept' } }),
  // Every helpdesk is on until the rep turns it off.
  helpdesks: checkedItem('local:helpdesks', { schema: HelpdeskSwitches, fallback: {} }),
  historyCap: checkedItem('local:historyCap', { schema: HistoryCap, fallback: 500 }),
  roster: checkedItem('local:roster', { schema: Roster, fallback: { people: [], teams: [] } }),
  retentionDays: checkedItem('local:retentionDays', { schema: RetentionDays, fallback: 90 }),
  kudosRules: checkedItem('local:kudosRules', {
    schema: KudosRules,
    fallback: { minMessageLength: 20, requirePromise: false },
  }),
};
