import { useId } from 'react';
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
        Allowed tenants
      </h3>
      <ManagedNote managed={managed} />
      <fieldset className="managed-fields" disabled={managed}>
        <label>
          Allowed tenants
          <textarea
            rows={3}
            value={text}
            aria-describedby={hintId}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
          />
        </label>
        <p id={hintId} className="muted hint">
          One helpdesk per line, its id and your accounts’ hosts: <code>zendesk: acme.zendesk.com</code>. On any other
          account of a listed helpdesk Kept shows no button and reads nothing. A helpdesk with no line: every account.
        </p>
        <button type="submit">Save allowed tenants</button>
      </fieldset>
      <OutcomeView outcome={outcome} />
    </form>
  );
}
