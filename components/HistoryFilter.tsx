import type { RefObject } from 'react';
import { type ConversationFilter, isFiltering, STATUS_FILTERS, type StatusFilter } from '@/utils/history/filter';

interface Props {
  filter: ConversationFilter;
  shown: number;
  total: number;
  onText: (text: string) => void;
  onStatus: (status: StatusFilter) => void;
  /** The filter field, which `/` focuses. */
  inputRef?: RefObject<HTMLInputElement | null>;
}

const STATUS_TEXT: Record<StatusFilter, string> = { all: 'All', open: 'Open', solved: 'Solved' };

const isStatusFilter = (value: string): value is StatusFilter => (STATUS_FILTERS as readonly string[]).includes(value);

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
        <select
          aria-label="Status"
          value={filter.status}
          onChange={(event) => isStatusFilter(event.target.value) && onStatus(event.target.value)}
        >
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {STATUS_TEXT[status]}
            </option>
          ))}
        </select>
      </div>
      {/* Always in the page, so screen readers hear the count change as the rep types. */}
      <p className="muted filter-count" aria-live="polite">
        {isFiltering(filter) ? `Showing ${shown} of ${total}` : ''}
      </p>
    </div>
  );
}
