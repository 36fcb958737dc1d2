import { useId, useRef, useState } from 'react';
import { Composer, type ComposerProps } from './Composer';

type Props = Pick<ComposerProps, 'caseInfo' | 'tabId' | 'history' | 'signals' | 'onSent'>;

/** The side panel's "Send praise" button and, while open, the composer below it; Escape closes it. */
export function ComposerSection(props: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="kudos-section">
      <button
        ref={button}
        type="button"
        className="primary"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => setOpen((isOpen) => !isOpen)}
      >
        Send praise
      </button>
      {open && <Composer {...props} id={formId} onClose={close} autoFocus />}
    </div>
  );
}
