// Options → Kudos delivery, decided: the saved target, the form's draft, and what Save, Send test and Remove secret
// do. The component only renders this.
import { type FormEvent, useState } from 'react';
import { i18n } from '#i18n';
import { type Access, requestOrigin } from '../host-access';
import { useManaged } from '../options/managed';
import { settings } from '../settings';
import { useOutcome } from '../state/outcome';
import { useStored } from '../state/use-stored';
import type { ChannelTarget } from './delivery';
import {
  type CheckedDraft,
  checkDeliveryDraft,
  checkKudosRules,
  type DeliveryDraft,
  type DeliveryKind,
  deliveryKindLabel,
  sendTestKudos,
} from './delivery-form';

/**
 * Asks for a checked draft's host, if it needs one (without a port); called inside the click, before any await.
 * `notDone` says what did not happen: nothing saved, or no test sent.
 */
export const withAccess = (checked: CheckedDraft & { ok: true }, notDone: string): Promise<Access> =>
  checked.origin
    ? requestOrigin(checked.origin, i18n.t('options.delivery.notAllowed', { origin: checked.origin, notDone }))
    : Promise.resolve({ granted: true });

/** The kudos rules' fields, filled from what is stored once it loads. */
function useRulesFields() {
  const stored = useStored(settings.kudosRules);
  const [typed, setTyped] = useState<{ minLength?: string; requirePromise?: boolean }>({});
  return {
    minLength: typed.minLength ?? (stored ? String(stored.minMessageLength) : '20'),
    requirePromise: typed.requirePromise ?? stored?.requirePromise ?? false,
    setMinLength: (minLength: string) => setTyped((t) => ({ ...t, minLength })),
    setRequirePromise: (requirePromise: boolean) => setTyped((t) => ({ ...t, requirePromise })),
  };
}

async function sendTest(target: ChannelTarget, access: Promise<Access>) {
  const allowed = await access;
  if (!allowed.granted) return { kind: 'failed', text: allowed.why } as const;
  const profile = await settings.profile.getValue();
  const { outcome: sent, text } = await sendTestKudos(target, { fromName: profile.name });
  return { kind: sent.kind === 'sent' ? 'done' : 'failed', text } as const;
}

/** Everything Options → Kudos delivery shows and does; `saved` is undefined while the settings load. */
export function useDeliverySettings() {
  const saved = useStored(settings.deliveryTarget);
  const managed = useManaged(settings.deliveryTarget);
  // The saved URL and secret are never put back in a field; until the admin changes something the kind is the saved one.
  const [typed, setDraft] = useState<DeliveryDraft>();
  const draft: DeliveryDraft = typed ?? { kind: saved?.kind ?? 'kept', secret: '' };
  const rules = useRulesFields();
  const { outcome, show, run } = useOutcome();
  const fail = (text: string) => show({ kind: 'failed', text });

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!saved) return;
    const kudosRules = checkKudosRules(rules.minLength, rules.requirePromise);
    if (!kudosRules.ok) return fail(kudosRules.message);
    // The organisation sets where kudos go: only the rules are the rep's.
    if (managed) {
      run(i18n.t('common.saving'), async () => {
        await settings.kudosRules.setValue(kudosRules.rules);
        return { kind: 'done', text: i18n.t('options.delivery.rulesSaved') };
      });
      return;
    }
    const checked = checkDeliveryDraft(draft, saved);
    if (!checked.ok) return fail(checked.message);
    const access = withAccess(checked, i18n.t('options.delivery.nothingSaved'));
    run(i18n.t('common.saving'), async () => {
      const allowed = await access;
      if (!allowed.granted) return { kind: 'failed', text: allowed.why };
      await settings.kudosRules.setValue(kudosRules.rules);
      await settings.deliveryTarget.setValue(checked.target);
      setDraft({ kind: checked.target.kind, secret: '' });
      return {
        kind: 'done',
        text: i18n.t('options.delivery.saved', { channel: deliveryKindLabel(checked.target.kind) }),
      };
    });
  };

  const test = () => {
    if (!saved) return;
    const checked = checkDeliveryDraft(draft, saved);
    if (!checked.ok) return fail(i18n.t('options.delivery.testFailed', { reason: checked.message }));
    const { target } = checked;
    if (target.kind === 'kept') {
      return fail(i18n.t('options.delivery.nothingToTest'));
    }
    const access = withAccess(checked, i18n.t('options.delivery.testNotSent'));
    run(i18n.t('options.delivery.testSending'), () => sendTest(target, access));
  };

  const removeSecret = () => {
    if (saved?.kind !== 'webhook') return;
    const { secret: _secret, ...rest } = saved;
    run(i18n.t('options.delivery.removingSecret'), async () => {
      await settings.deliveryTarget.setValue(rest);
      return { kind: 'done', text: i18n.t('options.delivery.secretRemoved') };
    });
  };

  return {
    saved,
    managed,
    draft,
    rules,
    outcome,
    setKind: (kind: DeliveryKind) => setDraft({ kind, secret: '' }),
    setUrl: (url: string | undefined) => setDraft({ ...draft, url }),
    setSecret: (secret: string) => setDraft({ ...draft, secret }),
    save,
    sendTest: test,
    removeSecret,
  };
}
