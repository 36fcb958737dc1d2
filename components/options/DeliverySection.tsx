import type { ReactNode } from 'react';
import { useDeliverySettings } from '@/utils/kudos/delivery-settings';
import { ChannelFields } from './ChannelFields';
import { DeliveryRulesFields } from './DeliveryFields';
import { ManagedNote } from './ManagedNote';
import { OutcomeView } from './OutcomeView';

/** Options → where kudos go (Kept only, Slack, Teams, any https webhook), a test send, and the kudos rules. */
export function DeliverySection() {
  const delivery = useDeliverySettings();
  const { saved, managed, draft, rules, outcome } = delivery;

  if (!saved) {
    return (
      <Frame>
        <p className="muted" aria-busy="true">
          Loading the delivery settings…
        </p>
      </Frame>
    );
  }

  return (
    <Frame>
      <form className="form delivery" onSubmit={delivery.save} noValidate>
        <ManagedNote managed={managed} />
        <fieldset className="managed-fields" disabled={managed}>
          <ChannelFields
            label="Deliver kudos to"
            draft={draft}
            saved={saved}
            keptHint="Kudos are saved in this browser and shown on the kudos wall; nothing is sent."
            onKind={delivery.setKind}
            onUrl={delivery.setUrl}
            onSecret={delivery.setSecret}
            onRemoveSecret={delivery.removeSecret}
          />
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
