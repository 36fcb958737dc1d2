// Options → Helpdesks → Allowed tenants: the organisation's own accounts, one helpdesk per line
// (`zendesk: acme.zendesk.com, acme-eu.zendesk.com`). A helpdesk with no line: every tenant.
import { type FormEvent, useEffect, useState } from 'react';
import type * as z from 'zod/mini';
import { i18n } from '#i18n';
import { helpdeskName } from '../helpdesks';
import { HelpdeskId } from '../schemas';
import { settings, type TenantAllowlist } from '../settings';
import { errorText, useOutcome } from '../state/outcome';
import { useStored } from '../state/use-stored';
import { useManaged } from './managed';

type Allowlist = z.infer<typeof TenantAllowlist>;

export const tenantsToText = (tenants: Allowlist): string =>
  Object.entries(tenants)
    .map(([id, hosts]) => `${id}: ${(hosts ?? []).join(', ')}`)
    .join('\n');

const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** The list an admin typed, or every line that is wrong with it. */
export function tenantsFromText(text: string): { ok: true; tenants: Allowlist } | { ok: false; errors: string[] } {
  const tenants: Record<string, string[]> = {};
  const errors: string[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const [id = '', hostList = ''] = line.split(':', 2).map((part) => part.trim());
    const hosts = hostList
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((h) => h.toLowerCase());
    const bad = hosts.find((h) => !HOST.test(h));
    const at = String(index + 1);
    if (!HelpdeskId.safeParse(id).success) errors.push(i18n.t('options.tenants.lineNotHelpdesk', { line: at, id }));
    else if (hosts.length === 0)
      errors.push(i18n.t('options.tenants.lineNoHost', { line: at, name: helpdeskName(id) ?? id }));
    else if (bad) errors.push(i18n.t('options.tenants.lineBadHost', { line: at, host: bad }));
    else tenants[id] = [...(tenants[id] ?? []), ...hosts];
  }
  return errors.length ? { ok: false, errors } : { ok: true, tenants };
}

/** The allowed tenants, as text to edit, and saving them. */
export function useAllowedTenants() {
  const stored = useStored(settings.allowedTenants);
  const managed = useManaged(settings.allowedTenants);
  const [text, setText] = useState<string>();
  const { outcome, show, run } = useOutcome();
  useEffect(() => {
    if (stored && text === undefined) setText(tenantsToText(stored));
  }, [stored, text]);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const parsed = tenantsFromText(text ?? '');
    if (!parsed.ok) return show({ kind: 'failed', text: parsed.errors.join(' ') });
    void run(i18n.t('common.saving'), () =>
      settings.allowedTenants.setValue(parsed.tenants).then(
        () => ({ kind: 'done', text: i18n.t('options.tenants.saved') }),
        (error: unknown) => ({
          kind: 'failed',
          text: i18n.t('options.tenants.notSaved', { problem: errorText(error) }),
        }),
      ),
    );
  };
  return { text: managed && stored ? tenantsToText(stored) : (text ?? ''), setText, managed, save, outcome };
}
