import { type ReactNode, useId } from 'react';
import { DELIVERY_KIND_LABELS, keptUrl } from '@/utils/kudos/delivery-form';
import { useDeliverySettings } from '@/utils/kudos/delivery-settings';
import { ChoiceSelect, choicesOf } from '../ChoiceSelect';
import { DeliveryRulesFields, DeliverySecretField, DeliveryUrlField } from './DeliveryFields';
import { ManagedNote } from './ManagedNote';
import { OutcomeView } from './OutcomeView';

const DELIVERY_CHOICES = choicesOf(DELIVERY_KIND_LABELS);

/** Options → where kudos go (Kept only, Slack, Teams, any https webhook), a test send, and the kudos rules. */
export function DeliverySection() {
  const delivery = useDeliverySettings();
  const { saved, managed, draft, rules, outcome } = delivery;
  const selectId = useId();

  if (!saved) {
    return (
      <Frame>
        <p className="muted" aria-busy="true">
          Loading the delivery settings…
        </p>
      </Frame>
    );
  }

  const kind = draft.kind;
  return (
    <Frame>
      <form className="form delivery" onSubmit={delivery.save} noValidate>
        <ManagedNote managed={managed} />
        <fieldset className="managed-fields" disabled={managed}>
          <div className="field">
            <label htmlFor={selectId}>Deliver kudos to</label>
            <ChoiceSelect id={selectId} value={kind} choices={DELIVERY_CHOICES} onChange={delivery.setKind} />
          </div>
          {kind === 'kept' ? (
            <p className="muted hint">Kudos are saved in this browser and shown on the kudos wall; nothing is sent.</p>
          ) : (
            <DeliveryUrlField
              kind={kind}
              value={draft.url}
              saved={keptUrl({ kind, secret: '' }, saved)}
              onChange={delivery.setUrl}
            />
          )}
          {kind === 'webhook' && (
            <DeliverySecretField
              value={draft.secret}
              isSet={saved.kind === 'webhook' && Boolean(saved.secret)}
              onChange={delivery.setSecret}
              onRemove={delivery.removeSecret}
            />
          )}
        </fieldset>
        <DeliveryRulesFields
          minLength={rules.minLength}
          requirePromise={rules.requirePromise}
          onMinLength={rules.setMinLength}
          onRequirePromise={rules.setRequirePromise}
        />
        <div className="form-actions">
          <button type="submit" className="primary">
            Save delivery
          </button>
          <button type="button" onClick={delivery.sendTest}>
            Send test
          </button>
        </div>
        <OutcomeView outcome={outcome} />
      </form>
    </Frame>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="delivery-title" className="options-section">
      <h2 id="delivery-title" className="heading">
        Kudos delivery
      </h2>
      {children}
    </section>
  );
}
