import { useId } from 'react';
import { i18n } from '#i18n';
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
  // The row's Edit button: the buttons marked `data-edit`, one per row in order.
  const { editing, setEditing, stopEditing, tableRef } = useEditing<number>(
    (table, index) =>
      [...table.querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.dataset.edit !== undefined)[index],
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
        {i18n.t('options.roster.people')}
      </h3>
      {roster.people.length === 0 ? (
        <p className="muted">{i18n.t('options.roster.noPeople')}</p>
      ) : (
        <EditableTable
          titleId={titleId}
          tableRef={tableRef}
          columns={[i18n.t('options.roster.email'), i18n.t('options.roster.team')]}
        >
          {roster.people.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows hold no state, and names need not be unique.
            <tr key={i} aria-current={i === editing ? 'true' : undefined}>
              <th scope="row">{p.name}</th>
              <td>{p.email ?? ''}</td>
              <td>{p.team ?? ''}</td>
              <td className="row-actions">
                <button
                  type="button"
                  data-edit
                  aria-label={i18n.t('common.editName', { name: p.name })}
                  onClick={() => setEditing(i)}
                >
                  {i18n.t('common.edit')}
                </button>
                <button
                  type="button"
                  aria-label={i18n.t('common.removeName', { name: p.name })}
                  onClick={() => void apply(removeTeammate(roster, i))}
                >
                  {i18n.t('common.remove')}
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
