import { useId } from 'react';
import { i18n } from '#i18n';
import { useAllowedTenants } from '@/utils/options/tenants';
import { ManagedNote } from './ManagedNote';
import { OutcomeView } from './OutcomeView';

/** Options → Helpdesks → the organisation's own accounts: pages on any other account of a helpdesk are ignored. */
export function AllowedTenants() {
  const { text, setText, managed, save, outcome } = useAllowedTenants();
  const hintId = useId();
  return (
    <form className="form" onSubmit={save}>
      <h3 id={`${hintId}-title`} className="subheading">
        {i18n.t('options.tenants.title')}
      </h3>
      <ManagedNote managed={managed} />
      <fieldset className="managed-fields" disabled={managed}>
        <label>
          {i18n.t('options.tenants.title')}
          <textarea
            rows={3}
            value={text}
            aria-describedby={hintId}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
          />
        </label>
        <p id={hintId} className="muted hint">
          {i18n.t('options.tenants.hintBefore')} <code>zendesk: acme.zendesk.com</code>
          {i18n.t('options.tenants.hintAfter')}
        </p>
        <button type="submit">{i18n.t('options.tenants.save')}</button>
      </fieldset>
      <OutcomeView outcome={outcome} />
    </form>
  );
}
