import { type FormEvent, useId, useState } from 'react';
import { i18n } from '#i18n';
import { addTeam, type RosterChange, removeTeam, teamsOf } from '@/utils/kudos/roster-csv';
import type { Roster } from '@/utils/kudos/schema';

interface Props {
  roster: Roster;
  apply: (change: RosterChange) => Promise<boolean>;
}

/** Teams reps can praise as a whole, with how many listed people each has. */
export function RosterTeams({ roster, apply }: Props) {
  const [name, setName] = useState('');
  const titleId = useId();
  const teams = teamsOf(roster);
  const members = (team: string) =>
    roster.people.filter((p) => p.team?.trim().toLowerCase() === team.trim().toLowerCase()).length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await apply(addTeam(roster, name))) setName('');
  };

  return (
    <div className="roster-teams">
      <h3 id={titleId} className="subheading">
        {i18n.t('options.roster.teams')}
      </h3>
      {teams.length === 0 ? (
        <p className="muted">{i18n.t('options.roster.noTeams')}</p>
      ) : (
        <ul aria-labelledby={titleId} className="team-list">
          {teams.map((team) => (
            <li key={team}>
              <span>{team}</span>
              <span className="muted">{` · ${i18n.t('options.roster.members', members(team))}`}</span>
              <button
                type="button"
                aria-label={i18n.t('options.roster.removeTeam', { team })}
                onClick={() => void apply(removeTeam(roster, team))}
              >
                {i18n.t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="team-form" onSubmit={submit} noValidate>
        <label>
          {i18n.t('options.roster.newTeam')}
          <input value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{i18n.t('options.roster.addTeam')}</button>
      </form>
    </div>
  );
}
