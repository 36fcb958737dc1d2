// Options → Kudos delivery, decided: the saved target, the form's draft, and what Save, Send test and Remove secret
// do. The component only renders this.
import { type FormEvent, useState } from 'react';
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
  DELIVERY_KIND_LABELS,
  type DeliveryDraft,
  type DeliveryKind,
  sendTestKudos,
} from './delivery-form';

/** Asks for a checked draft's host, if it needs one (without a port); called inside the click, before any await. */
export const withAccess = (checked: CheckedDraft & { ok: true }, notDone: string): Promise<Access> =>
  checked.origin
    ? requestOrigin(
        checked.origin,
        `Kept was not allowed to reach ${checked.origin}. ${notDone} Try again and allow access when your browser asks.`,
      )
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
      run('Saving…', async () => {
        await settings.kudosRules.setValue(kudosRules.rules);
        return { kind: 'done', text: 'Kudos rules saved.' };
      });
      return;
    }
    const checked = checkDeliveryDraft(draft, saved);
    if (!checked.ok) return fail(checked.message);
    const access = withAccess(checked, 'Nothing was saved.');
    run('Saving…', async () => {
      const allowed = await access;
      if (!allowed.granted) return { kind: 'failed', text: allowed.why };
      await settings.kudosRules.setValue(kudosRules.rules);
      await settings.deliveryTarget.setValue(checked.target);
      setDraft({ kind: checked.target.kind, secret: '' });
      return { kind: 'done', text: `Delivery saved: kudos go to ${DELIVERY_KIND_LABELS[checked.target.kind]}.` };
    });
  };

  const test = () => {
    if (!saved) return;
    const checked = checkDeliveryDraft(draft, saved);
    if (!checked.ok) return fail(`Test failed: ${checked.message}`);
    const { target } = checked;
    if (target.kind === 'kept') {
      return fail('Kudos stay in Kept, so there is nothing to test. Choose Slack, Microsoft Teams or a webhook first.');
    }
    const access = withAccess(checked, 'The test was not sent.');
    run('Sending a test kudos…', () => sendTest(target, access));
  };

  const removeSecret = () => {
    if (saved?.kind !== 'webhook') return;
    const { secret: _secret, ...rest } = saved;
    run('Removing the secret…', async () => {
      await settings.deliveryTarget.setValue(rest);
      return { kind: 'done', text: 'Secret removed. Kudos are sent unsigned.' };
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
