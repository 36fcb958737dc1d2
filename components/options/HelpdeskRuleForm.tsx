import { type FormEvent, useId, useRef, useState } from 'react';
import {
  checkRuleDraft,
  draftOf,
  emptyDraft,
  type RuleDraft,
  type RuleErrors,
  type RuleField,
} from '@/utils/custom-helpdesks/rules';
import { requestHostAccess } from '@/utils/custom-helpdesks/storage';
import type { CustomHelpdeskRule } from '@/utils/schemas';

interface Props {
  /** The rule being edited, or undefined to add one. */
  rule: CustomHelpdeskRule | undefined;
  /** Stores the rule; throws with a readable message when it is refused. */
  onSave: (rule: CustomHelpdeskRule) => Promise<void>;
  onCancel?: () => void;
}

type Outcome = { kind: 'idle' } | { kind: 'busy' | 'failed'; text: string };

const FIELDS: Array<{ field: RuleField; label: string; hint: string; placeholder: string; code?: boolean }> = [
  { field: 'name', label: 'Helpdesk name', hint: 'What reps call this helpdesk.', placeholder: 'Northwind Desk' },
  {
    field: 'host',
    label: 'Host',
    hint: 'https only. One host, or *.example.com for the domain and all its subdomains. Your browser asks to let Kept read it when you save.',
    placeholder: 'support.example.com',
  },
  {
    field: 'ticketUrl',
    label: 'Ticket URL pattern',
    hint: 'A regular expression matched against the page address. Its first capture group is the ticket id.',
    placeholder: '/tickets/(\\d+)',
    code: true,
  },
  {
    field: 'email',
    label: 'Customer email selector',
    hint: 'CSS selector of the element showing the customer’s email (a mailto: link, a field or text). Required: it is how Kept knows the customer.',
    placeholder: '[data-field="requester-email"]',
    code: true,
  },
  {
    field: 'customerName',
    label: 'Customer name selector',
    hint: 'Optional CSS selector.',
    placeholder: '.requester .name',
    code: true,
  },
  {
    field: 'subject',
    label: 'Subject selector',
    hint: 'Optional CSS selector.',
    placeholder: 'h1.ticket-subject',
    code: true,
  },
];

const newRuleId = () => globalThis.crypto?.randomUUID?.() ?? `rule-${Date.now().toString(36)}`;

/** Adds or edits one custom helpdesk rule; every field is checked, and the host's permission asked for, on save. */
export function HelpdeskRuleForm({ rule, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftOf(rule) : emptyDraft));
  const [errors, setErrors] = useState<RuleErrors>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const id = useId();
  const form = useRef<HTMLFormElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRuleDraft(draft, rule?.id ?? newRuleId(), document);
    if (!checked.ok) {
      setErrors(checked.errors);
      setOutcome({ kind: 'failed', text: 'Nothing was saved: fix the fields marked below.' });
      const first = FIELDS.find((f) => checked.errors[f.field]);
      if (first) form.current?.querySelector<HTMLInputElement>(`#${CSS.escape(`${id}-${first.field}`)}`)?.focus();
      return;
    }
    setErrors({});
    const { rule: next } = checked;
    // Asked here, inside the click and before any await: the browser's prompt needs the user's gesture.
    const access = requestHostAccess(next.host);
    setOutcome({ kind: 'busy', text: 'Saving…' });
    access
      .then(async (granted): Promise<Outcome> => {
        if (!granted) {
          return {
            kind: 'failed',
            text: `Kept was not allowed to read ${next.host}, so nothing was saved. Save again and allow access when your browser asks.`,
          };
        }
        await onSave(next);
        // The list above says it was saved (an edit form closes on save).
        if (!rule) setDraft(emptyDraft);
        return { kind: 'idle' };
      })
      .catch(
        (error: unknown): Outcome => ({
          kind: 'failed',
          text: `Nothing was saved: ${error instanceof Error ? error.message : String(error)}`,
        }),
      )
      .then(setOutcome);
  };

  return (
    <form ref={form} className="form helpdesk-rule-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="subheading">
        {rule ? `Edit “${rule.name}”` : 'Add a custom helpdesk'}
      </h4>
      {FIELDS.map(({ field, label, hint, placeholder, code }) => {
        const error = errors[field];
        const inputId = `${id}-${field}`;
        return (
          <div className="field" key={field}>
            <label htmlFor={inputId}>{label}</label>
            <input
              id={inputId}
              value={draft[field]}
              placeholder={placeholder}
              spellCheck={code ? false : undefined}
              autoCapitalize="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
              onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
            />
            <p id={`${inputId}-hint`} className="muted hint">
              {hint}
            </p>
            {error && (
              <p id={`${inputId}-error`} className="error">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="primary">
          {rule ? 'Save changes' : 'Add helpdesk'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <div aria-live="polite" className="outcome">
        {outcome.kind !== 'idle' && <p className={outcome.kind === 'failed' ? 'error' : 'muted'}>{outcome.text}</p>}
      </div>
    </form>
  );
}
