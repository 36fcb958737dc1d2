import type { RefObject } from 'react';
import { i18n } from '#i18n';
import { type ConversationFilter, isFiltering, type StatusFilter } from '@/utils/history/filter';
import { ChoiceSelect, choicesOf } from './ChoiceSelect';

interface Props {
  filter: ConversationFilter;
  shown: number;
  total: number;
  onText: (text: string) => void;
  onStatus: (status: StatusFilter) => void;
  /** The filter field, which `/` focuses. */
  inputRef?: RefObject<HTMLInputElement | null>;
}

const statusChoices = () =>
  choicesOf<StatusFilter>({
    all: i18n.t('panel.filter.all'),
    open: i18n.t('panel.filter.open'),
    solved: i18n.t('panel.filter.solved'),
  });

export function HistoryFilter({ filter, shown, total, onText, onStatus, inputRef }: Props) {
  return (
    <div className="filters">
      <div className="filter-controls">
        <input
          ref={inputRef}
          type="search"
          aria-label={i18n.t('panel.filter.label')}
          placeholder={i18n.t('panel.filter.placeholder')}
          value={filter.text}
          onChange={(event) => onText(event.target.value)}
        />
        <ChoiceSelect
          aria-label={i18n.t('panel.filter.status')}
          value={filter.status}
          choices={statusChoices()}
          onChange={onStatus}
        />
      </div>
      {/* Always in the page, so screen readers hear the count change as the rep types. */}
      <p className="muted filter-count" aria-live="polite">
        {isFiltering(filter) ? i18n.t('panel.filter.showing', { shown, total }) : ''}
      </p>
    </div>
  );
}
