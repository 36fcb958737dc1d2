import type { SelectHTMLAttributes } from 'react';

/** One option of a select: the value kept and the words shown. */
export interface Choice<T extends string> {
  value: T;
  label: string;
}

type Props<T extends string> = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'> & {
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
};

/** A select over a known list: it hands back one of the list's own values, so no caller casts the DOM's string. */
export function ChoiceSelect<T extends string>({ value, choices, onChange, ...attributes }: Props<T>) {
  const pick = (picked: string) => {
    const choice = choices.find((c) => c.value === picked);
    if (choice) onChange(choice.value);
  };
  return (
    <select {...attributes} value={value} onChange={(e) => pick(e.target.value)}>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** `{ slack: 'Slack' }` → the choices in the labels' order. */
export const choicesOf = <T extends string>(labels: Record<T, string>): Choice<T>[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

/** The same words as value and label: people's names, team names. */
export const namedChoices = (names: readonly string[]): Choice<string>[] =>
  names.map((name) => ({ value: name, label: name }));
