import { type KeyboardEvent, type RefObject, useId, useMemo, useState } from 'react';
import { matchOptions, type RecipientOption } from '@/utils/kudos/suggest';
import { describedBy, FieldError } from './ComposerField';

interface Props {
  value: string;
  onChange: (text: string) => void;
  /** Everyone on the roster, people then teams. */
  options: RecipientOption[];
  error: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * To: free text with type-ahead from the roster (an ARIA 1.2 combobox with a list popup). Arrow keys move through the
 * matches, Enter picks one, Escape closes the list; any text is allowed and read as a recipient when sending.
 */
export function RecipientField({ value, onChange, options, error, inputRef }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = useMemo(() => matchOptions(options, value), [options, value]);
  const expanded = open && shown.length > 0;
  const activeIndex = expanded && active < shown.length ? active : -1;
  const optionId = (index: number) => `${id}-option-${index}`;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const choose = (option: RecipientOption) => {
    onChange(option.label);
    close();
  };
  const move = (step: 1 | -1) => {
    setOpen(true);
    if (shown.length === 0) return;
    const first = step === 1 ? 0 : shown.length - 1;
    setActive(activeIndex < 0 ? first : (activeIndex + step + shown.length) % shown.length);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && activeIndex >= 0) {
      const option = shown[activeIndex];
      if (!option) return;
      event.preventDefault();
      choose(option);
    } else if (event.key === 'Escape' && expanded) {
      // Closes the list only; the next Escape closes the composer.
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <div className="field kudos-to">
      <label htmlFor={id}>To</label>
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
        placeholder="A teammate, or Team: name"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <div id={listId} role="listbox" aria-label="Teammates and teams" className="kudos-options" hidden={!expanded}>
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
