import { type RefObject, useId } from 'react';
import { i18n } from '#i18n';
import { behaviourValue, type PromiseChoices, promiseValue } from '@/utils/kudos/composer-state';
import { describedBy, FieldError } from './ComposerField';

interface Props {
  value: string;
  onChange: (value: string) => void;
  choices: PromiseChoices;
  required: boolean;
  error: string | undefined;
  selectRef: RefObject<HTMLSelectElement | null>;
}

/**
 * Promise: which brand promise (or which behaviour under it) was kept. The behaviours are the recipient's role's
 * when the roster knows it, else every role's; the case may suggest a promise.
 */
export function PromiseField({ value, onChange, choices, required, error, selectRef }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const whoseId = `${id}-whose`;
  const errorId = `${id}-error`;
  const suggested = value !== '' && value === choices.suggested;
  return (
    <div className="field">
      <label htmlFor={id}>{i18n.t('composer.promise')}</label>
      <select
        id={id}
        ref={selectRef}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(whoseId, suggested && hintId, error && errorId)}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">—</option>
        {choices.groups.map(({ promise, behaviours }) => (
          <optgroup key={promise.id} label={promise.title}>
            <option value={promiseValue(promise.id)}>{promise.title}</option>
            {behaviours.map((behaviour) => (
              <option key={behaviour.id} value={behaviourValue(behaviour.id)}>
                {behaviour.text}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id={whoseId} className="muted kudos-hint">
        {choices.role
          ? i18n.t('composer.roleBehaviours', { role: choices.role.name })
          : i18n.t('composer.allBehaviours')}
      </p>
      {suggested && (
        <p id={hintId} className="muted kudos-hint">
          {i18n.t('composer.fromCase')}
          {choices.suggestedReasons.length ? `: ${choices.suggestedReasons.join(', ')}` : ''}.
        </p>
      )}
      <FieldError id={errorId} text={error} />
    </div>
  );
}
