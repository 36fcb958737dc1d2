import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { useDeliverySettings } from '@/utils/kudos/delivery-settings';
import { FormActions } from '../FormActions';
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
          {i18n.t('options.delivery.loading')}
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
            label={i18n.t('options.delivery.to')}
            draft={draft}
            saved={saved}
            keptHint={i18n.t('options.delivery.keptHint')}
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
        <FormActions
          submit={i18n.t('options.delivery.save')}
          also={{ label: i18n.t('options.delivery.sendTest'), onClick: delivery.sendTest }}
        />
        <OutcomeView outcome={outcome} />
      </form>
    </Frame>
  );
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="delivery-title" className="options-section">
      <h2 id="delivery-title" className="heading">
        {i18n.t('options.delivery.title')}
      </h2>
      {children}
    </section>
  );
}
