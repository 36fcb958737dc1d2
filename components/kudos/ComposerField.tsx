/** The ids that describe a field, or undefined when there are none. */
export const describedBy = (...ids: Array<string | false | undefined>): string | undefined =>
  ids.filter(Boolean).join(' ') || undefined;

/** What is wrong with one field, right below it; the field points here with aria-describedby. */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="error">
      {text}
    </p>
  );
}
