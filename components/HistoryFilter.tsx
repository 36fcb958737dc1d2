import type { RefObject } from 'react';
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

const STATUS_CHOICES = choicesOf<StatusFilter>({ all: 'All', open: 'Open', solved: 'Solved' });

export function HistoryFilter({ filter, shown, total, onText, onStatus, inputRef }: Props) {
  return (
    <div className="filters">
      <div className="filter-controls">
        <input
          ref={inputRef}
          type="search"
          aria-label="Filter conversations"
          placeholder="Filter by subject, tag, status…"
          value={filter.text}
          onChange={(event) => onText(event.target.value)}
        />
        <ChoiceSelect aria-label="Status" value={filter.status} choices={STATUS_CHOICES} onChange={onStatus} />
      </div>
      {/* Always in the page, so screen readers hear the count change as the rep types. */}
      <p className="muted filter-count" aria-live="polite">
        {isFiltering(filter) ? `Showing ${shown} of ${total}` : ''}
      </p>
    </div>
  );
}
