import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { type Access, requestOrigin } from '@/utils/host-access';
import {
  type CheckedDraft,
  checkDeliveryDraft,
  checkKudosRules,
  DELIVERY_KIND_LABELS,
  DELIVERY_KINDS,
  type DeliveryDraft,
  type DeliveryKind,
  keptUrl,
  sendTestKudos,
} from '@/utils/kudos/delivery-form';
import type { DeliveryTarget } from '@/utils/schemas';
import { settings } from '@/utils/settings';
import { DeliveryRulesFields, DeliverySecretField, DeliveryUrlField } from './DeliveryFields';

type Outcome = { kind: 'idle' } | { kind: 'busy' | 'done' | 'failed'; text: string };
/** Asks the browser for `origin` (without a port), inside the click. */
const requestHost = (origin: string, notDone: string) =>
  requestOrigin(
    origin,
    `Kept was not allowed to reach ${origin}. ${notDone} Try again and allow access when your browser asks.`,
  );

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Options → where kudos go (Kept only, Slack, Teams, any https webhook), a test send, and the kudos rules. */
export function DeliverySection() {
  const [saved, setSaved] = useState<DeliveryTarget>();
  const [draft, setDraft] = useState<DeliveryDraft>({ kind: 'kept', secret: '' });
  const [minLength, setMinLength] = useState('20');
  const [requirePromise, setRequirePromise] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const latest = useRef(0);
  const selectId = useId();

  useEffect(() => {
    let live = true;
    void settings.deliveryTarget.get().then((target) => {
      if (!live) return;
      setSaved(target);
      setDraft({ kind: target.kind, secret: '' });
    });
    void settings.kudosRules.get().then((rules) => {
      if (!live) return;
      setMinLength(String(rules.minMessageLength));
      setRequirePromise(rules.requirePromise);
    });
    const stop = settings.deliveryTarget.watch((target) => live && setSaved(target));
    return () => {
      live = false;
      stop();
    };
  }, []);

  /** Shows the latest action's outcome only; a failure always ends as a message, never a stuck "busy". */
  const run = (busy: string, action: () => Promise<Outcome>) => {
    latest.current += 1;
    const mine = latest.current;
    setOutcome({ kind: 'busy', text: busy });
    const settle = (next: Outcome) => mine === latest.current && setOutcome(next);
    action().then(settle, (error: unknown) => settle({ kind: 'failed', text: errorText(error) }));
  };
  const fail = (text: string) => {
    latest.current += 1;
    setOutcome({ kind: 'failed', text });
  };

  if (!saved) {
    return (
      <Frame>
        <p className="muted" aria-busy="true">
          Loading the delivery settings…
        </p>
      </Frame>
    );
  }

  /** Asks for a checked draft's host, if it needs one; called inside the gesture, before any await. */
  const withAccess = (checked: CheckedDraft & { ok: true }, notDone: string) =>
    checked.origin ? requestHost(checked.origin, notDone) : Promise.resolve<Access>({ granted: true });

  const save = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDeliveryDraft(draft, saved);
    if (!checked.ok) return fail(checked.message);
    const rules = checkKudosRules(minLength, requirePromise);
    if (!rules.ok) return fail(rules.message);
    const access = withAccess(checked, 'Nothing was saved.');
    run('Saving…', async () => {
      const allowed = await access;
      if (!allowed.granted) return { kind: 'failed', text: allowed.why };
      await settings.kudosRules.set(rules.rules);
      await settings.deliveryTarget.set(checked.target);
      setSaved(checked.target);
      setDraft({ kind: checked.target.kind, secret: '' });
      return { kind: 'done', text: `Delivery saved: kudos go to ${DELIVERY_KIND_LABELS[checked.target.kind]}.` };
    });
  };

  const sendTest = () => {
    const checked = checkDeliveryDraft(draft, saved);
    if (!checked.ok) return fail(`Test failed: ${checked.message}`);
    const { target } = checked;
    if (target.kind === 'kept') {
      return fail('Kudos stay in Kept, so there is nothing to test. Choose Slack, Microsoft Teams or a webhook first.');
    }
    const access = withAccess(checked, 'The test was not sent.');
    run('Sending a test kudos…', async () => {
      const allowed = await access;
      if (!allowed.granted) return { kind: 'failed', text: allowed.why };
      const profile = await settings.profile.get();
      const { outcome: sent, text } = await sendTestKudos(target, { fromName: profile.name });
      return { kind: sent.kind === 'sent' ? 'done' : 'failed', text };
    });
  };

  const removeSecret = () => {
    if (saved.kind !== 'webhook') return;
    const { secret: _secret, ...rest } = saved;
    run('Removing the secret…', async () => {
      await settings.deliveryTarget.set(rest);
      setSaved(rest);
      return { kind: 'done', text: 'Secret removed. Kudos are sent unsigned.' };
    });
  };

  const kind = draft.kind;
  return (
    <Frame>
      <form className="form delivery" onSubmit={save} noValidate>
        <div className="field">
          <label htmlFor={selectId}>Deliver kudos to</label>
          <select
            id={selectId}
            value={kind}
            onChange={(e) => setDraft({ kind: e.target.value as DeliveryKind, secret: '' })}
          >
            {DELIVERY_KINDS.map((k) => (
              <option key={k} value={k}>
                {DELIVERY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        {kind === 'kept' ? (
          <p className="muted hint">Kudos are saved in this browser and shown on the kudos wall; nothing is sent.</p>
        ) : (
          <DeliveryUrlField
            kind={kind}
            value={draft.url}
            saved={keptUrl({ kind, secret: '' }, saved)}
            onChange={(url) => setDraft((d) => ({ ...d, url }))}
          />
        )}
        {kind === 'webhook' && (
          <DeliverySecretField
            value={draft.secret}
            isSet={saved.kind === 'webhook' && Boolean(saved.secret)}
            onChange={(secret) => setDraft((d) => ({ ...d, secret }))}
            onRemove={removeSecret}
          />
        )}
        <DeliveryRulesFields
          minLength={minLength}
          requirePromise={requirePromise}
          onMinLength={setMinLength}
          onRequirePromise={setRequirePromise}
        />
        <div className="form-actions">
          <button type="submit" className="primary">
            Save delivery
          </button>
          <button type="button" onClick={sendTest}>
            Send test
          </button>
        </div>
        <div aria-live="polite" className="outcome">
          {outcome.kind !== 'idle' && <p className={outcome.kind === 'failed' ? 'error' : 'muted'}>{outcome.text}</p>}
        </div>
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
