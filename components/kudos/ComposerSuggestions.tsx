import { i18n } from '#i18n';
import type { Suggestion } from '@/utils/kudos/suggest';

interface Props {
  suggestions: Suggestion[];
  onPick: (suggestion: Suggestion) => void;
}

/** Up to five people worth praising, each a button that fills To: "Suggested: Sam Rivera (not recognised for 30 days)". */
export function ComposerSuggestions({ suggestions, onPick }: Props) {
  if (suggestions.length === 0) return null;
  return (
    <div className="kudos-suggestions">
      <span aria-hidden="true" className="muted">
        {i18n.t('composer.suggested')}
      </span>
      <ul aria-label={i18n.t('composer.suggestedList')}>
        {suggestions.map((suggestion) => {
          const reasons = `(${suggestion.reasons.join(', ')})`;
          return (
            <li key={`${suggestion.label}|${suggestion.recipient.email ?? ''}`}>
              <button
                type="button"
                className="kudos-suggestion"
                // The visible text, after the "Suggested:" the list shows once.
                aria-label={i18n.t('composer.suggestedOne', { name: suggestion.recipient.name, reasons })}
                onClick={() => onPick(suggestion)}
              >
                {suggestion.recipient.name} <span className="muted">{reasons}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
