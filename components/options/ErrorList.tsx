import { formatPlaybookError, type PlaybookError } from '@/utils/playbook/validate';

/** Every problem of a playbook, one per line, each with its path: `behaviours[3].promiseId: no promise "own-it"`. */
export function ErrorList({ label, errors }: { label: string; errors: PlaybookError[] }) {
  const seen = new Map<string, number>();
  const items = errors.map((error) => {
    const text = formatPlaybookError(error);
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return { key: `${text}#${n}`, text };
  });
  return (
    <ul aria-label={label} className="error-list">
      {items.map((item) => (
        <li key={item.key}>{item.text}</li>
      ))}
    </ul>
  );
}
