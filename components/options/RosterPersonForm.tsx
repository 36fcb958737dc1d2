import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Teammate } from '@/utils/kudos/schema';
import { FormActions } from './FormActions';

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
        <legend>{person ? `Edit ${person.name}` : 'Add a teammate'}</legend>
        <label>
          Name
          <input ref={nameInput} value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Email
          <input type="email" value={email} autoComplete="off" onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Team
          <input list={teamsId} value={team} autoComplete="off" onChange={(e) => setTeam(e.target.value)} />
        </label>
        <datalist id={teamsId}>
          {teams.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <FormActions submit={person ? 'Save teammate' : 'Add teammate'} onCancel={person ? onCancel : undefined} />
      </fieldset>
    </form>
  );
}
