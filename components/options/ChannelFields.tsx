import { useId } from 'react';
import {
  DELIVERY_KINDS,
  type DeliveryDraft,
  type DeliveryKind,
  deliveryKindLabel,
  keptUrl,
} from '@/utils/kudos/delivery-form';
import type { DeliveryTarget } from '@/utils/schemas';
import { ChoiceSelect } from '../ChoiceSelect';
import { DeliverySecretField, DeliveryUrlField } from './DeliveryFields';

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
  const choices = DELIVERY_KINDS.map((value) => ({ value, label: deliveryKindLabel(value) }));
  return (
    <>
      <div className="field">
        <label htmlFor={selectId}>{label}</label>
        <ChoiceSelect id={selectId} value={kind} choices={choices} onChange={on.onKind} />
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
