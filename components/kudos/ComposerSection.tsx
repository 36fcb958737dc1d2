import { useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { NoticedPraise } from '@/utils/kudos/praise';
import { Composer, type ComposerProps } from './Composer';

type Props = Pick<ComposerProps, 'caseInfo' | 'tabId' | 'history' | 'signals' | 'onSent'> & {
  /** Praise the rep chose to share: opens the composer with its words and recipient. */
  sharing?: NoticedPraise;
};

/** The side panel's "Send praise" button and, while open, the composer below it; Escape closes it. */
export function ComposerSection({ sharing, ...props }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const formId = useId();
  // The composer puts the focus in To as it opens, which brings it into view.
  useEffect(() => {
    if (sharing) setOpen(true);
  }, [sharing]);
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
        {i18n.t('composer.sendPraise')}
      </button>
      {open && (
        <Composer
          // A new praise shared starts a new draft with its words.
          key={sharing?.key ?? 'blank'}
          {...props}
          preset={sharing && { to: sharing.recipient, quote: sharing.quote }}
          id={formId}
          onClose={close}
          autoFocus
        />
      )}
    </div>
  );
}
