import { useId } from 'react';
import { i18n } from '#i18n';
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
    i18n.t('wall.filter.anyPromise'),
    promises.map((p) => ({ value: p.id, label: p.title })),
  ),
  { value: NO_PROMISE, label: NO_PROMISE_TITLE },
];

/** Person, team, promise, dates and "For me"; every change applies at once. */
export function WallFilters({ filter, onChange, people, teams, promises, knowsMe }: Props) {
  const hintId = useId();
  const set = <K extends keyof WallFilter>(key: K, value: WallFilter[K]) => onChange({ ...filter, [key]: value });
  const selects = [
    {
      key: 'person',
      label: i18n.t('wall.filter.person'),
      choices: anyOr(i18n.t('wall.filter.everyone'), namedChoices(people)),
    },
    {
      key: 'team',
      label: i18n.t('wall.filter.team'),
      choices: anyOr(i18n.t('wall.filter.allTeams'), namedChoices(teams)),
    },
    { key: 'promise', label: i18n.t('composer.promise'), choices: promiseChoices(promises) },
  ] as const;
  const backwards = filter.from !== '' && filter.to !== '' && filter.from > filter.to;
  return (
    <fieldset className="wall-filters">
      <legend>{i18n.t('wall.filter.legend')}</legend>
      {selects.map(({ key, label, choices }) => (
        <label key={key}>
          {label}
          <ChoiceSelect value={filter[key]} choices={choices} onChange={(v) => set(key, v)} />
        </label>
      ))}
      <label>
        {i18n.t('wall.filter.from')}
        <input
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label>
        {i18n.t('wall.filter.to')}
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
        {i18n.t('wall.filter.mine')}
      </label>
      <button type="button" onClick={() => onChange(NO_FILTER)}>
        {i18n.t('wall.filter.clear')}
      </button>
      {!knowsMe && (
        <p id={hintId} className="muted hint">
          {i18n.t('wall.filter.needsMe')}
        </p>
      )}
      {backwards && <p className="error">{i18n.t('wall.filter.backwards')}</p>}
    </fieldset>
  );
}
