// Options → Playbook feedback, decided: where reps' feedback on the playbook goes (the owner's channel) and what
// Save and Remove secret do. The same kinds and checks as kudos delivery; the component only renders this.
import { type FormEvent, useState } from 'react';
import { i18n } from '#i18n';
import { checkDeliveryDraft, type DeliveryDraft, type DeliveryKind, deliveryKindLabel } from '../kudos/delivery-form';
import { withAccess } from '../kudos/delivery-settings';
import { useManaged } from '../options/managed';
import { settings } from '../settings';
import { useOutcome } from '../state/outcome';
import { useStored } from '../state/use-stored';

/** Everything the feedback channel form shows and does; `saved` is undefined while the setting loads. */
export function useFeedbackChannel() {
  const saved = useStored(settings.feedbackTarget);
  const managed = useManaged(settings.feedbackTarget);
  // The saved URL and secret are never put back in a field; until the admin changes something the kind is the saved one.
  const [typed, setDraft] = useState<DeliveryDraft>();
  const draft: DeliveryDraft = typed ?? { kind: saved?.kind ?? 'kept', secret: '' };
  const { outcome, show, run } = useOutcome();

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!saved || managed) return;
    const checked = checkDeliveryDraft(draft, saved);
    if (!checked.ok) return show({ kind: 'failed', text: checked.message });
    const access = withAccess(checked, i18n.t('options.delivery.nothingSaved'));
    run(i18n.t('common.saving'), async () => {
      const allowed = await access;
      if (!allowed.granted) return { kind: 'failed', text: allowed.why };
      await settings.feedbackTarget.setValue(checked.target);
      setDraft({ kind: checked.target.kind, secret: '' });
      return {
        kind: 'done',
        text: i18n.t('options.feedback.saved', { channel: deliveryKindLabel(checked.target.kind) }),
      };
    });
  };

  const removeSecret = () => {
    if (saved?.kind !== 'webhook') return;
    const { secret: _secret, ...rest } = saved;
    run(i18n.t('options.delivery.removingSecret'), async () => {
      await settings.feedbackTarget.setValue(rest);
      return { kind: 'done', text: i18n.t('options.feedback.secretRemoved') };
    });
  };

  return {
    saved,
    managed,
    draft,
    outcome,
    setKind: (kind: DeliveryKind) => setDraft({ kind, secret: '' }),
    setUrl: (url: string | undefined) => setDraft({ ...draft, url }),
    setSecret: (secret: string) => setDraft({ ...draft, secret }),
    save,
    removeSecret,
  };
}
