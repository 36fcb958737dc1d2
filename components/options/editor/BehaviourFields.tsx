import { useId } from 'react';
import { isOneOf, optionalText, patchItem, STATUSES, splitList, withTrigger } from '@/utils/playbook/draft';
import { triggerLabels } from '@/utils/playbook/io';
import {
  type Behaviour,
  type BehaviourWhen,
  CADENCES,
  CASE_SIGNAL_IDS,
  CHANNELS,
  type Playbook,
} from '@/utils/playbook/schema';
import { useEditor } from './EditorContext';
import { ChoiceGroup, ListTextField, TextField } from './Fields';

const CADENCE_LABELS: Record<(typeof CADENCES)[number], string> = {
  ticket: 'On every ticket',
  day: 'Once a day',
  week: 'Once a week',
};

const SIGNAL_CHOICES = CASE_SIGNAL_IDS.map((id) => ({ value: id, label: triggerLabels({ signals: [id] })[0] ?? id }));
const CHANNEL_CHOICES = CHANNELS.map((c) => ({ value: c, label: c }));
const STATUS_CHOICES = STATUSES.map((s) => ({ value: s, label: s }));

/** A behaviour's optional texts: how to do it, and what doing it looks like. */
const OPTIONAL_TEXTS = [
  { key: 'detail', label: 'Detail' },
  { key: 'example', label: 'Example' },
] as const;

const joinList = (values: readonly string[] | undefined) => (values ?? []).join(', ');

/** Everything a behaviour says: its words, whose it is, when it comes first, and how often it is done. */
export function BehaviourFields({
  behaviour,
  index,
  playbook,
}: {
  behaviour: Behaviour;
  index: number;
  playbook: Playbook;
}) {
  const path = `behaviours[${index}]`;
  const patch = (fields: Partial<Behaviour>) => patchItem('behaviours', index, fields);
  return (
    <>
      <TextField
        label="Text"
        path={`${path}.text`}
        value={behaviour.text}
        toEdit={(text) => patch({ text })}
        multiline
      />
      {OPTIONAL_TEXTS.map(({ key, label }) => (
        <TextField
          key={key}
          label={label}
          path={`${path}.${key}`}
          value={behaviour[key] ?? ''}
          toEdit={(v) => patch({ [key]: optionalText(v) })}
          multiline
        />
      ))}
      <TextField label="Id" path={`${path}.id`} value={behaviour.id} toEdit={(id) => patch({ id })} />
      <PromiseAndCadence behaviour={behaviour} index={index} playbook={playbook} />
      <BehaviourRoles behaviour={behaviour} index={index} playbook={playbook} />
      <Triggers behaviour={behaviour} index={index} />
    </>
  );
}

type Props = { behaviour: Behaviour; index: number; playbook: Playbook };

function PromiseAndCadence({ behaviour, index, playbook }: Props) {
  const { change, readOnly, errorsAt } = useEditor();
  const promiseId = useId();
  const cadenceId = useId();
  const known = playbook.promises.some((p) => p.id === behaviour.promiseId);
  const errors = errorsAt(`behaviours[${index}].promiseId`);
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={promiseId}>Promise</label>
        <select
          id={promiseId}
          value={behaviour.promiseId}
          disabled={readOnly}
          aria-invalid={errors.length > 0}
          onChange={(e) => change(patchItem('behaviours', index, { promiseId: e.target.value }))}
        >
          {!known && <option value={behaviour.promiseId}>{`No promise “${behaviour.promiseId}”`}</option>}
          {playbook.promises.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title || p.id}
            </option>
          ))}
        </select>
        {errors.length > 0 && <p className="error">{errors.join('; ')}</p>}
      </div>
      <div className="field">
        <label htmlFor={cadenceId}>How often</label>
        <select
          id={cadenceId}
          value={behaviour.cadence ?? 'ticket'}
          disabled={readOnly}
          onChange={(e) => {
            const cadence = CADENCES.find((c) => c === e.target.value);
            // Per ticket is what no cadence means, so older playbooks keep reading the same.
            change(patchItem('behaviours', index, { cadence: cadence === 'ticket' ? undefined : cadence }));
          }}
        >
          {CADENCES.map((c) => (
            <option key={c} value={c}>
              {CADENCE_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function BehaviourRoles({ behaviour, index, playbook }: Props) {
  const { change, readOnly } = useEditor();
  const all = behaviour.roles === 'all';
  const roleIds = playbook.roles.map((r) => r.id);
  const setRoles = (roles: Behaviour['roles']) => change(patchItem('behaviours', index, { roles }));
  return (
    <div className="field">
      <label className="choice">
        <input
          type="checkbox"
          checked={all}
          disabled={readOnly}
          onChange={(e) => setRoles(e.target.checked ? 'all' : roleIds)}
        />
        Every role
      </label>
      <ChoiceGroup
        legend="Roles"
        path={`behaviours[${index}].roles`}
        choices={playbook.roles.map((r) => ({ value: r.id, label: r.name || r.id }))}
        chosen={all ? roleIds : (behaviour.roles as string[])}
        disabled={all}
        onChange={setRoles}
      />
    </div>
  );
}

function Triggers({ behaviour, index }: Omit<Props, 'playbook'>) {
  const { change } = useEditor();
  const path = `behaviours[${index}].when`;
  const { when } = behaviour;
  const set = <K extends keyof BehaviourWhen>(kind: K, values: NonNullable<BehaviourWhen[K]>) =>
    change(patchItem('behaviours', index, { when: withTrigger(when, kind, values) }));
  return (
    <fieldset className="triggers-fields">
      <legend>Comes first when the case has (every kind ticked must match)</legend>
      <ChoiceGroup
        legend="Signals"
        path={`${path}.signals`}
        choices={SIGNAL_CHOICES}
        chosen={when?.signals ?? []}
        onChange={(v) => set('signals', v.filter(isOneOf(CASE_SIGNAL_IDS)))}
      />
      <ListTextField
        label="Tags"
        path={`${path}.tags`}
        hint="Separated by commas; any one will do, in any case, and so will its synonyms below."
        text={joinList(when?.tags)}
        normalise={(raw) => joinList(splitList(raw))}
        toEdit={(raw) => patchItem('behaviours', index, { when: withTrigger(when, 'tags', splitList(raw)) })}
      />
      <ChoiceGroup
        legend="Channels"
        path={`${path}.channels`}
        choices={CHANNEL_CHOICES}
        chosen={when?.channels ?? []}
        onChange={(v) => set('channels', v)}
      />
      <ChoiceGroup
        legend="Statuses"
        path={`${path}.statuses`}
        choices={STATUS_CHOICES}
        chosen={when?.statuses ?? []}
        onChange={(v) => set('statuses', v.filter(isOneOf(STATUSES)))}
      />
    </fieldset>
  );
}
