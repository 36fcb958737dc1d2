import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { Teammate } from '@/utils/kudos/schema';
import { FormActions } from '../FormActions';

interface Props {
  /** The person being edited; none when adding. */
  person?: Teammate;
  teams: string[];
  /** Saves; answers whether it worked (the section shows why not). */
  onSubmit: (person: Teammate) => Promise<boolean>;
  onCancel: () => void;
}

/** Add a teammate, or edit one: name, email (optional) and team (any listed team, or a new one). */
export function RosterPersonForm({ person, teams, onSubmit, onCancel }: Props) {
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [team, setTeam] = useState(person?.team ?? '');
  const nameInput = useRef<HTMLInputElement>(null);
  const teamsId = useId();

  // Editing someone (the form is mounted afresh per person) moves the focus to their name.
  const editing = useRef(person !== undefined);
  useEffect(() => {
    if (editing.current) nameInput.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Teammate = {
      name: name.trim(),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(team.trim() ? { team: team.trim() } : {}),
    };
    if ((await onSubmit(next)) && !person) {
      setName('');
      setEmail('');
      setTeam('');
      nameInput.current?.focus();
    }
  };

  return (
    <form className="roster-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{person ? i18n.t('common.editName', { name: person.name }) : i18n.t('options.roster.addTitle')}</legend>
        <label>
          {i18n.t('common.name')}
          <input ref={nameInput} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {i18n.t('options.roster.email')}
          <input type="email" value={email} autoComplete="off" onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {i18n.t('options.roster.team')}
          <input list={teamsId} value={team} autoComplete="off" onChange={(e) => setTeam(e.target.value)} />
        </label>
        <datalist id={teamsId}>
          {teams.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <FormActions
          submit={person ? i18n.t('options.roster.save') : i18n.t('options.roster.add')}
          onCancel={person ? onCancel : undefined}
        />
      </fieldset>
    </form>
  );
}
