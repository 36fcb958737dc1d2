import { i18n } from '#i18n';
import { helpdeskTokensItem } from '@/utils/connections/tokens';
import { customRules } from '@/utils/custom-helpdesks/storage';
import { listedHelpdesks } from '@/utils/helpdesks';
import { useHelpdesks } from '@/utils/options/helpdesks';
import { useManaged } from '@/utils/options/managed';
import { settings } from '@/utils/settings';
import { AllowedTenants } from './AllowedTenants';
import { HelpdeskRow } from './HelpdeskRow';
import { HelpdeskRules } from './HelpdeskRules';
import { ManagedNote } from './ManagedNote';
import { OutcomeNote } from './OutcomeView';

/**
 * Options → Helpdesks: every helpdesk Kept knows with its switch, when Kept last saw it, how its history fetches
 * went and, for helpdesks without a session API, an optional API token; and the custom helpdesks an admin describes with a host, a ticket URL pattern and selectors.
 */
export function HelpdesksSection() {
  const { switches, seen, tokens, syncRows, now, outcome, toggle } = useHelpdesks();
  const switchesManaged = useManaged(settings.helpdesks);
  const tokensManaged = useManaged(helpdeskTokensItem);
  const rulesManaged = useManaged(customRules);

  return (
    <section aria-labelledby="helpdesks-title" className="options-section helpdesks">
      <h2 id="helpdesks-title" className="heading">
        {i18n.t('options.helpdesks.title')}
      </h2>
      <p className="muted">{i18n.t('options.helpdesks.intro')}</p>
      <ManagedNote managed={switchesManaged} />
      {switches === undefined ? (
        <p className="muted" aria-busy="true">
          {i18n.t('options.helpdesks.loading')}
        </p>
      ) : (
        <ul className="helpdesk-list">
          {listedHelpdesks.map((adapter) => (
            <HelpdeskRow
              key={adapter.id}
              adapter={adapter}
              on={switches[adapter.id] !== false}
              switchManaged={switchesManaged}
              tokenManaged={tokensManaged}
              seen={seen?.[adapter.id]}
              token={tokens?.[adapter.id]}
              syncRows={syncRows}
              now={now}
              onToggle={(on) => toggle(adapter.id, adapter.name, on)}
            />
          ))}
        </ul>
      )}
      <OutcomeNote outcome={outcome} />
      <AllowedTenants />
      <ManagedNote managed={rulesManaged} />
      <fieldset className="managed-fields" disabled={rulesManaged}>
        <HelpdeskRules />
      </fieldset>
    </section>
  );
}
