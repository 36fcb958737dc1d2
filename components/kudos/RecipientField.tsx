import { type RefObject, useId } from 'react';
import { i18n } from '#i18n';
import { useRecipientCombobox } from '@/utils/kudos/recipient-combobox';
import type { RecipientOption } from '@/utils/kudos/suggest';
import { describedBy, FieldError } from './ComposerField';

interface Props {
  value: string;
  onChange: (text: string) => void;
  /** Everyone on the roster, people then teams. */
  options: RecipientOption[];
  error: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** To: free text with type-ahead from the roster; any text is allowed and read as a recipient when sending. */
export function RecipientField({ value, onChange, options, error, inputRef }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const { shown, expanded, activeIndex, choose, close, onKeyDown, type } = useRecipientCombobox(
    options,
    value,
    onChange,
  );
  const optionId = (index: number) => `${id}-option-${index}`;

  return (
    <div className="field kudos-to">
      <label htmlFor={id}>{i18n.t('composer.to')}</label>
      <input
        id={id}
        ref={inputRef}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && errorId)}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        placeholder={i18n.t('composer.toPlaceholder')}
        value={value}
        onChange={(event) => type(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={i18n.t('composer.toList')}
        className="kudos-options"
        hidden={!expanded}
      >
        {shown.map((option, index) => (
          <div
            key={option.label}
            id={optionId(index)}
            role="option"
            // Reached with the arrow keys through aria-activedescendant; the focus stays in the input.
            tabIndex={-1}
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'kudos-option kudos-option--active' : 'kudos-option'}
            // Picked on press, before the input loses focus (which would close the list).
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
          >
            {option.label}
          </div>
        ))}
      </div>
      <FieldError id={errorId} text={error} />
    </div>
  );
}
