import { useId } from 'react';
import { DELIVERY_KIND_LABELS, type DeliveryDraft, type DeliveryKind, keptUrl } from '@/utils/kudos/delivery-form';
import type { DeliveryTarget } from '@/utils/schemas';
import { ChoiceSelect, choicesOf } from '../ChoiceSelect';
import { DeliverySecretField, DeliveryUrlField } from './DeliveryFields';

const DELIVERY_CHOICES = choicesOf(DELIVERY_KIND_LABELS);

interface Props {
  /** The choice's label, e.g. "Deliver kudos to". */
  label: string;
  draft: DeliveryDraft;
  saved: DeliveryTarget;
  /** What "Only in Kept" means here. */
  keptHint: string;
  /** What to say under a generic webhook's URL, when not the kudos hint. */
  webhookHint?: string;
  onKind: (kind: DeliveryKind) => void;
  onUrl: (url: string | undefined) => void;
  onSecret: (secret: string) => void;
  onRemoveSecret: () => void;
}

/** Where something goes (Kept only, Slack, Teams, any https webhook): the choice, its URL and a webhook's secret. */
export function ChannelFields({ label, draft, saved, keptHint, webhookHint, ...on }: Props) {
  const selectId = useId();
  const kind = draft.kind;
  return (
    <>
      <div className="field">
        <label htmlFor={selectId}>{label}</label>
        <ChoiceSelect id={selectId} value={kind} choices={DELIVERY_CHOICES} onChange={on.onKind} />
      </div>
      {kind === 'kept' ? (
        <p className="muted hint">{keptHint}</p>
      ) : (
        <DeliveryUrlField
          kind={kind}
          value={draft.url}
          saved={keptUrl({ kind, secret: '' }, saved)}
          onChange={on.onUrl}
          hint={kind === 'webhook' ? webhookHint : undefined}
        />
      )}
      {kind === 'webhook' && (
        <DeliverySecretField
          value={draft.secret}
          isSet={saved.kind === 'webhook' && Boolean(saved.secret)}
          onChange={on.onSecret}
          onRemove={on.onRemoveSecret}
        />
      )}
    </>
  );
}
