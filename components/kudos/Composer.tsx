import { type KeyboardEvent, useEffect } from 'react';
import { i18n } from '#i18n';
import type { CaseSignal } from '@/utils/history/signals';
import { type ComposerCase, caseLine, useComposer } from '@/utils/kudos/composer-state';
import type { ComposerPreset, SendStatus } from '@/utils/kudos/composer-store';
import type { Conversation, Kudos } from '@/utils/schemas';
import { ComposerMessage } from './ComposerMessage';
import { ComposerQuote } from './ComposerQuote';
import { ComposerSuggestions } from './ComposerSuggestions';
import { PromiseField } from './PromiseField';
import { RecipientField } from './RecipientField';

export interface ComposerProps {
  /** The ticket the praise comes from (a `CaseContext` will do); none in the popup when the tab is not a ticket. */
  caseInfo?: ComposerCase | null;
  /** The helpdesk tab: its selection prefills the customer quote. */
  tabId?: number | null;
  /** Called with the saved kudos, after the form has been reset. */
  onSent?: (kudos: Kudos) => void;
  /** The customer's earlier conversations, to suggest who handled them. */
  history?: Conversation[];
  /** The case signals, to suggest the behaviour that fits. */
  signals?: CaseSignal[];
  /** Escape asks for this; without it, Escape does nothing here. */
  onClose?: () => void;
  /** Puts the focus in To when the composer appears. */
  autoFocus?: boolean;
  id?: string;
  /** The recipient and customer quote to start with ("Share this praise"). */
  preset?: ComposerPreset;
}

/** Praise for a teammate or a team: who, which promise, what they did, and the customer's own words if wanted. */
export function Composer({ caseInfo, tabId, onSent, history, signals, onClose, autoFocus, id, preset }: ComposerProps) {
  const c = useComposer({ caseInfo, tabId, history, signals, onSent, preset });
  const toInput = c.refs.to;

  useEffect(() => {
    if (autoFocus) toInput.current?.focus();
  }, [autoFocus, toInput]);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !onClose) return;
    event.preventDefault();
    onClose();
  };

  return (
    <form
      id={id}
      aria-label={i18n.t('composer.sendPraise')}
      className="form kudos-composer"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void c.submit();
      }}
    >
      {caseInfo && <p className="kudos-case">{caseLine(caseInfo)}</p>}
      <ComposerSuggestions suggestions={c.suggestions} onPick={c.pickSuggestion} />
      <RecipientField
        value={c.fields.to}
        onChange={c.setTo}
        options={c.options}
        error={c.problems.to}
        inputRef={c.refs.to}
      />
      <PromiseField
        value={c.fields.promise}
        onChange={c.pickPromise}
        choices={c.choices}
        required={c.rules.requirePromise}
        error={c.problems.promise}
        selectRef={c.refs.promise}
      />
      <ComposerMessage
        value={c.fields.message}
        onChange={c.setMessage}
        minLength={c.rules.minMessageLength}
        error={c.problems.message}
        textareaRef={c.refs.message}
      />
      <ComposerQuote
        quote={c.fields.quote}
        onQuote={c.setQuote}
        mask={c.fields.maskQuote}
        locked={c.fields.maskLocked}
        onMask={c.setMaskQuote}
      />
      <div className="form-actions">
        <button type="submit" className="primary" aria-disabled={c.status.kind === 'sending' ? true : undefined}>
          {i18n.t('common.send')}
        </button>
      </div>
      <ComposerStatus status={c.status} />
    </form>
  );
}

/** Saved (and where it goes), or why not; announced as it changes. */
function ComposerStatus({ status }: { status: SendStatus }) {
  return (
    <>
      <p role="status" className="muted kudos-status">
        {status.kind === 'sending' ? i18n.t('composer.saving') : status.kind === 'sent' ? status.note : ''}
      </p>
      {status.kind === 'failed' && (
        <p role="alert" className="error">
          {status.note}
        </p>
      )}
    </>
  );
}
