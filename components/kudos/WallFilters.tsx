import { useId } from 'react';
import { NO_FILTER, NO_PROMISE, NO_PROMISE_TITLE, type PromiseRef, type WallFilter } from '@/utils/kudos/wall';

interface Props {
  filter: WallFilter;
  onChange: (filter: WallFilter) => void;
  people: string[];
  teams: string[];
  promises: PromiseRef[];
  /** The rep's profile has a name or an email to match kudos against. */
  knowsMe: boolean;
}

/** Person, team, promise, dates and "For me"; every change applies at once. */
export function WallFilters({ filter, onChange, people, teams, promises, knowsMe }: Props) {
  const hintId = useId();
  const set = <K extends keyof WallFilter>(key: K, value: WallFilter[K]) => onChange({ ...filter, [key]: value });
  const backwards = filter.from !== '' && filter.to !== '' && filter.from > filter.to;
  return (
    <fieldset className="wall-filters">
      <legend>Filter kudos</legend>
      <label>
        Person
        <select value={filter.person} onChange={(e) => set('person', e.target.value)}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Team
        <select value={filter.team} onChange={(e) => set('team', e.target.value)}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Promise
        <select value={filter.promise} onChange={(e) => set('promise', e.target.value)}>
          <option value="">Any promise</option>
          {promises.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
          <option value={NO_PROMISE}>{NO_PROMISE_TITLE}</option>
        </select>
      </label>
      <label>
        From
        <input
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.onlyMine}
          aria-describedby={knowsMe ? undefined : hintId}
          onChange={(e) => set('onlyMine', e.target.checked)}
        />
        Only kudos for me
      </label>
      <button type="button" onClick={() => onChange(NO_FILTER)}>
        Clear filters
      </button>
      {!knowsMe && (
        <p id={hintId} className="muted hint">
          Add your name or email in Kept’s options to find the kudos you received.
        </p>
      )}
      {backwards && <p className="error">“From” is after “To”, so no kudos can match.</p>}
    </fieldset>
  );
}
