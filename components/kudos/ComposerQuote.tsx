import { useId } from 'react';
import { i18n } from '#i18n';
import { useMasker } from '@/utils/kudos/masker';
import { quoteToSend } from '@/utils/kudos/send';

interface Props {
  quote: string;
  onQuote: (text: string) => void;
  mask: boolean;
  /** The organisation keeps masking on. */
  locked: boolean;
  onMask: (on: boolean) => void;
}

export const MAX_QUOTE = 2000;

/** Customer quote: optional, prefilled from the rep's selection; masked unless the rep turns that off. */
export function ComposerQuote({ quote, onQuote, mask, locked, onMask }: Props) {
  const id = useId();
  const previewId = `${id}-preview`;
  const masker = useMasker();
  const sent = masker && quoteToSend({ quote, maskQuote: mask }, masker);
  const masked = mask && sent !== undefined && sent !== quote.trim();
  return (
    <div className="field">
      <label htmlFor={id}>{i18n.t('composer.quote')}</label>
      <textarea
        id={id}
        rows={3}
        maxLength={MAX_QUOTE}
        aria-describedby={masked ? previewId : undefined}
        value={quote}
        onChange={(event) => onQuote(event.target.value)}
      />
      <label className="kudos-check">
        <input type="checkbox" checked={mask} disabled={locked} onChange={(event) => onMask(event.target.checked)} />
        {i18n.t('composer.mask')}
      </label>
      {locked && <p className="muted hint">{i18n.t('composer.maskLocked')}</p>}
      {masked && (
        <p id={previewId} className="muted kudos-preview">
          {i18n.t('composer.sentAs')} {sent}
        </p>
      )}
    </div>
  );
}
