import { type FormEvent, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import {
  checkRuleDraft,
  draftOf,
  emptyDraft,
  type RuleDraft,
  type RuleErrors,
  type RuleField,
} from '@/utils/custom-helpdesks/rules';
import { saveRuleWithAccess } from '@/utils/options/helpdesks';
import type { CustomHelpdeskRule } from '@/utils/schemas';
import { useOutcome } from '@/utils/state/outcome';
import { FormActions } from '../FormActions';
import { OutcomeView } from './OutcomeView';

interface Props {
  /** The rule being edited, or undefined to add one. */
  rule: CustomHelpdeskRule | undefined;
  /** Stores the rule; throws with a readable message when it is refused. */
  onSave: (rule: CustomHelpdeskRule) => Promise<void>;
  onCancel?: () => void;
}

interface FieldSpec {
  field: RuleField;
  /** An example of what to type: a host, a pattern or a selector, the same in every language; a name's is a message. */
  placeholder?: string;
  code?: boolean;
}

const FIELDS: FieldSpec[] = [
  { field: 'name' },
  { field: 'host', placeholder: 'support.example.com' },
  { field: 'ticketUrl', placeholder: '/tickets/(\\d+)', code: true },
  { field: 'email', placeholder: '[data-field="requester-email"]', code: true },
  { field: 'customerName', placeholder: '[data-field="requester-name"]', code: true },
  { field: 'subject', placeholder: 'h1.ticket-subject', code: true },
];

const newRuleId = () => globalThis.crypto?.randomUUID?.() ?? `rule-${Date.now().toString(36)}`;

/** Adds or edits one custom helpdesk rule; every field is checked, and the host's permission asked for, on save. */
export function HelpdeskRuleForm({ rule, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftOf(rule) : emptyDraft));
  const [errors, setErrors] = useState<RuleErrors>({});
  const { outcome, show: setOutcome } = useOutcome();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRuleDraft(draft, rule?.id ?? newRuleId(), document);
    if (!checked.ok) {
      setErrors(checked.errors);
      setOutcome({ kind: 'failed', text: i18n.t('options.helpdeskRules.fixFields') });
      const first = FIELDS.find((f) => checked.errors[f.field]);
      if (first) form.current?.querySelector<HTMLInputElement>(`#${CSS.escape(`${id}-${first.field}`)}`)?.focus();
      return;
    }
    setErrors({});
    // Asked here, inside the click and before any await: the browser's prompt needs the user's gesture.
    const saved = saveRuleWithAccess(checked.rule, onSave);
    setOutcome({ kind: 'busy', text: i18n.t('common.saving') });
    void saved.then((next) => {
      // The list above says it was saved (an edit form closes on save).
      if (!rule && next.kind === 'idle') setDraft(emptyDraft);
      setOutcome(next);
    });
  };

  return (
    <form ref={form} className="form helpdesk-rule-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="subheading">
        {rule ? i18n.t('options.helpdeskRules.edit', { name: rule.name }) : i18n.t('options.helpdeskRules.add')}
      </h4>
      {FIELDS.map((spec) => (
        <RuleInput
          key={spec.field}
          spec={spec}
          id={`${id}-${spec.field}`}
          value={draft[spec.field]}
          error={errors[spec.field]}
          onChange={(value) => setDraft((d) => ({ ...d, [spec.field]: value }))}
        />
      ))}
      <FormActions
        submit={rule ? i18n.t('options.helpdeskRules.saveChanges') : i18n.t('options.helpdeskRules.addHelpdesk')}
        onCancel={onCancel}
      />
      <OutcomeView outcome={outcome} />
    </form>
  );
}

interface InputProps {
  spec: FieldSpec;
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

function RuleInput({ spec: { field, placeholder, code }, id, value, error, onChange }: InputProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{i18n.t(`options.helpdeskRules.field.${field}.label`)}</label>
      <input
        id={id}
        value={value}
        placeholder={placeholder ?? i18n.t('options.helpdeskRules.namePlaceholder')}
        spellCheck={code ? false : undefined}
        autoCapitalize="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="muted hint">
        {i18n.t(`options.helpdeskRules.field.${field}.hint`)}
      </p>
      {error && (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      )}
    </div>
  );
}
