import { type KeyboardEvent, useMemo, useState } from 'react';
import { matchOptions, type RecipientOption } from './suggest';

/**
 * The To field's type-ahead (an ARIA 1.2 combobox with a list popup): arrow keys move through the matches, Enter
 * picks one, Escape closes the list; any text is allowed.
 */
export function useRecipientCombobox(options: RecipientOption[], value: string, onChange: (text: string) => void) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = useMemo(() => matchOptions(options, value), [options, value]);
  const expanded = open && shown.length > 0;
  const activeIndex = expanded && active < shown.length ? active : -1;

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
  const type = (text: string) => {
    onChange(text);
    setOpen(true);
    setActive(-1);
  };
  return { shown, expanded, activeIndex, choose, close, onKeyDown, type };
}
