import { useId } from 'react';
import { NO_FILTER, NO_PROMISE, NO_PROMISE_TITLE, type PromiseRef, type WallFilter } from '@/utils/kudos/wall';
import { type Choice, ChoiceSelect, namedChoices } from '../ChoiceSelect';

interface Props {
  filter: WallFilter;
  onChange: (filter: WallFilter) => void;
  people: string[];
  teams: string[];
  promises: PromiseRef[];
  /** The rep's profile has a name or an email to match kudos against. */
  knowsMe: boolean;
}

/** "" stands for no filter of this kind. */
const anyOr = (label: string, choices: Choice<string>[]) => [{ value: '', label }, ...choices];

const promiseChoices = (promises: PromiseRef[]) => [
  ...anyOr(
    'Any promise',
    promises.map((p) => ({ value: p.id, label: p.title })),
  ),
  { value: NO_PROMISE, label: NO_PROMISE_TITLE },
];

/** Person, team, promise, dates and "For me"; every change applies at once. */
export function WallFilters({ filter, onChange, people, teams, promises, knowsMe }: Props) {
  const hintId = useId();
  const set = <K extends keyof WallFilter>(key: K, value: WallFilter[K]) => onChange({ ...filter, [key]: value });
  const selects = [
    { key: 'person', label: 'Person', choices: anyOr('Everyone', namedChoices(people)) },
    { key: 'team', label: 'Team', choices: anyOr('All teams', namedChoices(teams)) },
    { key: 'promise', label: 'Promise', choices: promiseChoices(promises) },
  ] as const;
  const backwards = filter.from !== '' && filter.to !== '' && filter.from > filter.to;
  return (
    <fieldset className="wall-filters">
      <legend>Filter kudos</legend>
      {selects.map(({ key, label, choices }) => (
        <label key={key}>
          {label}
          <ChoiceSelect value={filter[key]} choices={choices} onChange={(v) => set(key, v)} />
        </label>
      ))}
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
