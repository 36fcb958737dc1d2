import { useId } from 'react';
import { type RosterChange, removeTeammate, saveTeammate, teamsOf } from '@/utils/kudos/roster-csv';
import type { Roster, Teammate } from '@/utils/kudos/schema';
import { useEditing } from '@/utils/state/use-editing';
import { EditableTable } from './EditableTable';
import { RosterPersonForm } from './RosterPersonForm';

interface Props {
  roster: Roster;
  apply: (change: RosterChange) => Promise<boolean>;
}

/** The people on the roster, with Edit and Remove per person, and one form to add or edit. */
export function RosterPeople({ roster, apply }: Props) {
  const { editing, setEditing, stopEditing, tableRef } = useEditing<number>(
    (table, index) => table.querySelectorAll<HTMLButtonElement>('button[data-edit]')[index],
  );
  const titleId = useId();
  const person = editing === undefined ? undefined : roster.people[editing];

  const submit = async (next: Teammate) => {
    const saved = await apply(saveTeammate(roster, next, person ? editing : undefined));
    if (saved && person) stopEditing();
    return saved;
  };

  return (
    <div className="roster-people">
      <h3 id={titleId} className="subheading">
        People
      </h3>
      {roster.people.length === 0 ? (
        <p className="muted">No teammates yet. Add them one by one, or import a CSV file.</p>
      ) : (
        <EditableTable titleId={titleId} tableRef={tableRef} columns={['Email', 'Team']}>
          {roster.people.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows hold no state, and names need not be unique.
            <tr key={i} aria-current={i === editing ? 'true' : undefined}>
              <th scope="row">{p.name}</th>
              <td>{p.email ?? ''}</td>
              <td>{p.team ?? ''}</td>
              <td className="row-actions">
                <button type="button" data-edit aria-label={`Edit ${p.name}`} onClick={() => setEditing(i)}>
                  Edit
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${p.name}`}
                  onClick={() => void apply(removeTeammate(roster, i))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </EditableTable>
      )}
      <RosterPersonForm
        // A new key per person edited resets the fields to that person.
        key={person ? `edit-${editing}` : 'add'}
        person={person}
        teams={teamsOf(roster)}
        onSubmit={submit}
        onCancel={stopEditing}
      />
    </div>
  );
}
