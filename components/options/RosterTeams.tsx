import { type FormEvent, useId, useState } from 'react';
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
        Teams
      </h3>
      {teams.length === 0 ? (
        <p className="muted">No teams yet.</p>
      ) : (
        <ul aria-labelledby={titleId} className="team-list">
          {teams.map((team) => (
            <li key={team}>
              <span>{team}</span>
              <span className="muted">{` · ${members(team)} ${members(team) === 1 ? 'person' : 'people'}`}</span>
              <button
                type="button"
                aria-label={`Remove team ${team}`}
                onClick={() => void apply(removeTeam(roster, team))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="team-form" onSubmit={submit} noValidate>
        <label>
          New team
          <input value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">Add team</button>
      </form>
    </div>
  );
}
