// Which tenants of a helpdesk Kept reads: an organisation lists its own (`acme.zendesk.com`) so that a page on any
// other account of the same helpdesk (a free trial anyone can open) gets no button, no capture and no fetch. Read by
// hand, without Zod, so the content scripts can check it too.

/** Where the list lives: the policy key (storage.managed) and the Options setting (storage.local) share the name. */
export const ALLOWED_TENANTS_KEY = 'allowedTenants';

/** Helpdesk id → the hosts Kept may read there. A helpdesk that is not listed: every tenant. */
export type TenantHosts = Partial<Record<string, readonly string[]>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored list as Kept uses it: hosts lower-cased; anything that is not a list of hosts is left out. */
export function tenantsOf(value: unknown): TenantHosts | undefined {
  if (!isRecord(value)) return undefined;
  const lists = Object.entries(value).flatMap(([helpdesk, hosts]) =>
    Array.isArray(hosts) ? [[helpdesk, hosts.filter((h) => typeof h === 'string').map((h) => h.toLowerCase())]] : [],
  );
  return Object.fromEntries(lists);
}

/** The list in force: the organisation's policy wins over Options. */
export const tenantsInForce = (managed: unknown, local: unknown): TenantHosts =>
  tenantsOf(managed) ?? tenantsOf(local) ?? {};

export function tenantAllowed(allowed: TenantHosts, helpdesk: string, host: string): boolean {
  const hosts = allowed[helpdesk];
  return hosts === undefined || hosts.includes(host.toLowerCase());
}

/** Reads the list in force; a browser without a managed area (or no policy) answers with an error: not managed. */
export async function readAllowedTenants(): Promise<TenantHosts> {
  const [managed, local] = await Promise.all([
    browser.storage.managed.get(ALLOWED_TENANTS_KEY).catch(() => ({}) as Record<string, unknown>),
    browser.storage.local.get(ALLOWED_TENANTS_KEY),
  ]);
  return tenantsInForce(managed[ALLOWED_TENANTS_KEY], local[ALLOWED_TENANTS_KEY]);
}
