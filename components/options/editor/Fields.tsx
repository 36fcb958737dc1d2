import { useId, useState } from 'react';
import type { Edit } from '@/utils/playbook/draft';
import { useEditor } from './EditorContext';

interface TextFieldProps {
  label: string;
  /** Where the value sits in the playbook, as an error's path names it: `behaviours[3].text`. */
  path: string;
  value: string;
  toEdit: (value: string) => Edit;
  multiline?: boolean;
}

/** One text of the playbook; what the check finds wrong with it is said under it. */
export function TextField({ label, path, value, toEdit, multiline }: TextFieldProps) {
  const { change, readOnly, errorsAt } = useEditor();
  const id = useId();
  const errors = errorsAt(path);
  const field = {
    id,
    value,
    readOnly,
    'aria-invalid': errors.length > 0,
    'aria-describedby': errors.length > 0 ? `${id}-error` : undefined,
    // One field's typing is one change to undo.
    onChange: (e: { target: { value: string } }) => change(toEdit(e.target.value), path),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={2} {...field} /> : <input type="text" {...field} />}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="error">
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}

interface ListTextProps {
  label: string;
  path: string;
  hint: string;
  /** The list as the field shows it. */
  text: string;
  /** What a typed text means, written as `text` would show it. */
  normalise: (raw: string) => string;
  toEdit: (raw: string) => Edit;
  multiline?: boolean;
}

/**
 * A list typed as text ("refund, vip"): what is typed stays as typed (a trailing comma included) while it still
 * means the same list; a change from elsewhere (undo) shows the list anew.
 */
export function ListTextField({ label, path, hint, text, normalise, toEdit, multiline }: ListTextProps) {
  const [typed, setTyped] = useState<{ raw: string; meant: string }>();
  const { change, readOnly } = useEditor();
  const id = useId();
  const shown = typed && typed.meant === text ? typed.raw : text;
  const field = {
    id,
    value: shown,
    readOnly,
    'aria-describedby': `${id}-hint`,
    onChange: (e: { target: { value: string } }) => {
      const raw = e.target.value;
      change(toEdit(raw), path);
      setTyped({ raw, meant: normalise(raw) });
    },
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...field} /> : <input type="text" {...field} />}
      <p id={`${id}-hint`} className="muted">
        {hint}
      </p>
    </div>
  );
}

interface Choice {
  value: string;
  label: string;
}

interface ChoiceGroupProps {
  legend: string;
  path: string;
  choices: readonly Choice[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  disabled?: boolean;
}

/** Checkboxes for a list of values (roles, channels, signals), in the order the choices are given. */
export function ChoiceGroup({ legend, path, choices, chosen, onChange, disabled }: ChoiceGroupProps) {
  const { readOnly, errorsAt } = useEditor();
  const errors = errorsAt(path);
  // A value the choices do not know (a channel word from an older playbook) is kept, not dropped by a click.
  const known = new Set(choices.map((c) => c.value));
  const toggle = (value: string, on: boolean) =>
    onChange([
      ...chosen.filter((v) => !known.has(v)),
      ...choices.map((c) => c.value).filter((v) => (v === value ? on : chosen.includes(v))),
    ]);
  return (
    <fieldset className="choices" aria-invalid={errors.length > 0}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(choice.value)}
            disabled={readOnly || disabled}
            onChange={(e) => toggle(choice.value, e.target.checked)}
          />
          {choice.label}
        </label>
      ))}
      {errors.length > 0 && <p className="error">{errors.join('; ')}</p>}
    </fieldset>
  );
}
