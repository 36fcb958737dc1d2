import { useEffect, useId, useRef } from 'react';
import { i18n } from '#i18n';
import type { DeliveryKind } from '@/utils/kudos/delivery-form';
import { maskWebhookUrl } from '@/utils/kudos/delivery-form';

interface UrlProps {
  kind: Exclude<DeliveryKind, 'kept'>;
  /** What is being typed; undefined shows the saved URL, masked. */
  value: string | undefined;
  /** The saved URL this kind keeps unless a new one is typed. */
  saved: string | undefined;
  onChange: (value: string | undefined) => void;
  /** What to say under the field instead of the kudos hint for this kind. */
  hint?: string;
}

/** The webhook URL: once saved it is shown masked with an Edit button (it is a credential), never in full. */
export function DeliveryUrlField({ kind, value, saved, onChange, hint }: UrlProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const edit = useRef<HTMLButtonElement>(null);
  const masked = saved !== undefined && value === undefined;
  // After Edit the field takes the focus, after "Keep the saved URL" the Edit button does; a save moves nothing.
  const focusNext = useRef<'input' | 'edit' | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the field and the masked URL swap places.
  useEffect(() => {
    const next = focusNext.current;
    focusNext.current = null;
    if (next) (next === 'edit' ? edit : input).current?.focus();
  }, [masked]);
  const editUrl = () => {
    focusNext.current = 'input';
    onChange('');
  };
  const keepSaved = () => {
    focusNext.current = 'edit';
    onChange(undefined);
  };

  if (masked) {
    return (
      <div className="field">
        <span id={`${id}-label`}>{i18n.t('options.delivery.webhookUrl')}</span>
        <p className="masked-url">
          <code id={`${id}-value`}>{maskWebhookUrl(saved)}</code>
          <button type="button" ref={edit} aria-describedby={`${id}-label ${id}-value`} onClick={editUrl}>
            {i18n.t('common.edit')}
          </button>
        </p>
        <p className="muted hint">{i18n.t('options.delivery.urlMasked')}</p>
      </div>
    );
  }
  return (
    <div className="field">
      <label>
        {i18n.t('options.delivery.webhookUrl')}
        <input
          ref={input}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://…"
          value={value ?? ''}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      <p id={`${id}-hint`} className="muted hint">
        {hint ?? i18n.t(`options.delivery.urlHint.${kind}`)}
      </p>
      {saved !== undefined && (
        <button type="button" className="link-button" onClick={keepSaved}>
          {i18n.t('options.delivery.keepUrl')}
        </button>
      )}
    </div>
  );
}

interface SecretProps {
  value: string;
  /** A secret is saved for this webhook (it is never shown). */
  isSet: boolean;
  onChange: (value: string) => void;
  onRemove: () => void;
}

/** The optional signing secret of a generic webhook: masked while typed, never shown once saved. */
export function DeliverySecretField({ value, isSet, onChange, onRemove }: SecretProps) {
  const id = useId();
  return (
    <div className="field">
      <label>
        {i18n.t('options.delivery.secret')}
        <input
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={value}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      <p id={`${id}-hint`} className="muted hint">
        {isSet ? i18n.t('options.delivery.secretReplace') : i18n.t('options.delivery.secretHint')}
      </p>
      {isSet && (
        <p className="secret-set">
          <span>{i18n.t('options.delivery.secretSet')}</span>
          <button type="button" onClick={onRemove}>
            {i18n.t('options.delivery.removeSecret')}
          </button>
        </p>
      )}
    </div>
  );
}

interface RulesProps {
  minLength: string;
  requirePromise: boolean;
  onMinLength: (value: string) => void;
  onRequirePromise: (value: boolean) => void;
}

/** What every kudos must have before it can be sent. */
export function DeliveryRulesFields({ minLength, requirePromise, onMinLength, onRequirePromise }: RulesProps) {
  return (
    <fieldset className="rules">
      <legend>{i18n.t('options.delivery.rules')}</legend>
      <label>
        {i18n.t('options.delivery.minLength')}
        <input
          type="number"
          min={1}
          max={1000}
          step={1}
          value={minLength}
          onChange={(e) => onMinLength(e.target.value)}
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={requirePromise} onChange={(e) => onRequirePromise(e.target.checked)} />
        {i18n.t('options.delivery.requirePromise')}
      </label>
    </fieldset>
  );
}
