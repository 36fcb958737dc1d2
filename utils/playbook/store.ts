import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { DEFAULT_PLAYBOOK } from './default';
import type { Playbook } from './schema';
import { starterPlaybook } from './starter';
import { type PlaybookError, parsePlaybook } from './validate';

/** The playbook in force, and where it came from. An organisation's (storage.managed) wins over the rep's own. */
export interface ActivePlaybook {
  playbook: Playbook;
  source: 'organisation' | 'imported' | 'default';
  /** Roles the organisation lets reps pick from; all of the playbook's when absent. */
  allowedRoleIds?: string[];
  /** A role the organisation sets for everyone; the rep cannot change it. */
  presetRoleId?: string;
  /** Why an organisation's playbook was not used, when it was invalid. */
  managedErrors?: PlaybookError[];
}

/** The rep's imported playbook, as stored: checked by `parsePlaybook` on every read, so a bad one is explained. */
const importedItem = storage.defineItem<unknown>('local:playbook');
const MANAGED = { playbook: 'managed:playbook', roles: 'managed:roles', presetRole: 'managed:presetRole' } as const;
const RoleIds = z.array(z.string());

/** Managed storage may hold the playbook as an object (Firefox policies) or as JSON text (Chrome's policy schema). */
function fromManaged(raw: unknown): ReturnType<typeof parsePlaybook> | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') return parsePlaybook(raw);
  try {
    return parsePlaybook(JSON.parse(raw));
  } catch {
    return { ok: false, errors: [{ path: '', message: 'the organisation’s playbook is not valid JSON' }] };
  }
}

async function readManaged(key: string): Promise<unknown> {
  // Browsers without a managed area (or no policy) answer with an error; that simply means "not managed".
  return storage.getItem(key as `managed:${string}`).catch(() => undefined);
}

/** The organisation's policy values as stored, unparsed. */
interface Policy {
  playbook: unknown;
  roles: unknown;
  presetRole: unknown;
}

/**
 * The policy as last read. Chrome can take over a second to answer storage.managed right after start-up; pages show
 * the playbook from this copy at once and correct it when the real read answers.
 */
const policyCache = storage.defineItem<Policy | null>('local:managedPolicyCache', { fallback: null });

async function readPolicy(): Promise<Policy> {
  const [playbook, roles, presetRole] = await Promise.all([
    readManaged(MANAGED.playbook),
    readManaged(MANAGED.roles),
    readManaged(MANAGED.presetRole),
  ]);
  const policy = { playbook, roles, presetRole };
  const cached = await policyCache.getValue();
  if (JSON.stringify(cached) !== JSON.stringify(policy)) await policyCache.setValue(policy);
  return policy;
}

function activeFrom(managedPolicy: Policy, local: unknown): ActivePlaybook {
  const roles = RoleIds.safeParse(managedPolicy.roles);
  const { presetRole } = managedPolicy;
  const policy = {
    allowedRoleIds: roles.success && roles.data.length > 0 ? roles.data : undefined,
    presetRoleId: typeof presetRole === 'string' && presetRole ? presetRole : undefined,
  };
  const managed = fromManaged(managedPolicy.playbook);
  if (managed?.ok) return { playbook: managed.playbook, source: 'organisation', ...policy };
  const managedErrors = managed && !managed.ok ? managed.errors : undefined;
  if (managedErrors) console.warn('[Kept] the organisation’s playbook is invalid and was not used', managedErrors);
  const imported = local === null || local === undefined ? undefined : parsePlaybook(local);
  if (imported?.ok) return { playbook: imported.playbook, source: 'imported', managedErrors, ...policy };
  return { playbook: DEFAULT_PLAYBOOK, source: 'default', managedErrors, ...policy };
}

/** Without a playbook of the organisation's or the rep's own, the starter in the language picked for this profile. */
async function withStarter(active: ActivePlaybook): Promise<ActivePlaybook> {
  return active.source === 'default' ? { ...active, playbook: await starterPlaybook() } : active;
}

export async function loadActivePlaybook(): Promise<ActivePlaybook> {
  const [policy, local] = await Promise.all([readPolicy(), importedItem.getValue()]);
  return withStarter(activeFrom(policy, local));
}

/** No policy: what a profile that never read one assumes until the real read answers. */
const NO_POLICY: Policy = { playbook: undefined, roles: undefined, presetRole: undefined };

/**
 * The playbook in force by the policy as last read, at once. A fresh profile has read none yet and gets the rep's
 * own (or the starter) playbook with every role: a rep can pick at once, and the policy corrects it when it arrives.
 */
export async function cachedActivePlaybook(): Promise<ActivePlaybook> {
  const [policy, local] = await Promise.all([policyCache.getValue(), importedItem.getValue()]);
  return withStarter(activeFrom(policy ?? NO_POLICY, local));
}

export function watchActivePlaybook(callback: (active: ActivePlaybook) => void): () => void {
  const reload = () => void loadActivePlaybook().then(callback);
  const unwatch = [importedItem.watch(reload), ...Object.values(MANAGED).map((key) => storage.watch(key, reload))];
  return () => {
    for (const stop of unwatch) stop();
  };
}

/** Saves a validated playbook as the rep's own. Refused while the organisation manages the playbook. */
export async function importPlaybook(playbook: Playbook): Promise<void> {
  const active = await loadActivePlaybook();
  if (active.source === 'organisation') throw new Error(i18n.t('options.playbook.managed'));
  await importedItem.setValue(playbook);
}

export async function resetPlaybook(): Promise<void> {
  const active = await loadActivePlaybook();
  if (active.source === 'organisation') throw new Error(i18n.t('options.playbook.managed'));
  await importedItem.removeValue();
}

/** Roles the rep may choose from. */
export function selectableRoles(active: ActivePlaybook) {
  const allowed = active.allowedRoleIds;
  return active.playbook.roles.filter((r) => !allowed || allowed.includes(r.id));
}

/** The role in force: the organisation's preset, else the rep's choice while it still exists in the playbook. */
export function effectiveRoleId(active: ActivePlaybook, chosen: string | null): string | null {
  const roles = selectableRoles(active);
  if (active.presetRoleId && active.playbook.roles.some((r) => r.id === active.presetRoleId))
    return active.presetRoleId;
  return chosen && roles.some((r) => r.id === chosen) ? chosen : null;
}
