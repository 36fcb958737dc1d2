import { type RefObject, useId } from 'react';
import { i18n } from '#i18n';
import { describedBy, FieldError } from './ComposerField';

interface Props {
  value: string;
  onChange: (text: string) => void;
  minLength: number;
  error: string | undefined;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}

export const MAX_MESSAGE = 4000;

/** "12 of at least 20 characters", then "24 characters" once long enough; counted as sent (trimmed). */
const lengthHint = (length: number, min: number) =>
  length < min ? i18n.t('composer.countShort', { length, min }) : i18n.t('composer.count', length);

/** Message: what the teammate did, at least the admin's minimum length, with a live count. */
export function ComposerMessage({ value, onChange, minLength, error, textareaRef }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{i18n.t('composer.message')}</label>
      <textarea
        id={id}
        ref={textareaRef}
        rows={4}
        required
        minLength={minLength}
        maxLength={MAX_MESSAGE}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, error && errorId)}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={hintId} className="muted kudos-hint">
        {lengthHint(value.trim().length, minLength)}
      </p>
      <FieldError id={errorId} text={error} />
    </div>
  );
}
