import { useId } from 'react';
import { i18n } from '#i18n';
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

const signalChoices = () =>
  CASE_SIGNAL_IDS.map((id) => ({ value: id, label: triggerLabels({ signals: [id] })[0] ?? id }));
const CHANNEL_CHOICES = CHANNELS.map((c) => ({ value: c, label: c }));
const STATUS_CHOICES = STATUSES.map((s) => ({ value: s, label: s }));

/** A behaviour's optional texts: how to do it, and what doing it looks like. */
const OPTIONAL_TEXTS = ['detail', 'example'] as const;

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
        label={i18n.t('editor.field.text')}
        path={`${path}.text`}
        value={behaviour.text}
        toEdit={(text) => patch({ text })}
        multiline
      />
      {OPTIONAL_TEXTS.map((key) => (
        <TextField
          key={key}
          label={i18n.t(`editor.field.${key}`)}
          path={`${path}.${key}`}
          value={behaviour[key] ?? ''}
          toEdit={(v) => patch({ [key]: optionalText(v) })}
          multiline
        />
      ))}
      <TextField
        label={i18n.t('editor.field.id')}
        path={`${path}.id`}
        value={behaviour.id}
        toEdit={(id) => patch({ id })}
      />
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
        <label htmlFor={promiseId}>{i18n.t('editor.field.promise')}</label>
        <select
          id={promiseId}
          value={behaviour.promiseId}
          disabled={readOnly}
          aria-invalid={errors.length > 0}
          onChange={(e) => change(patchItem('behaviours', index, { promiseId: e.target.value }))}
        >
          {!known && (
            <option value={behaviour.promiseId}>{i18n.t('editor.noPromise', { id: behaviour.promiseId })}</option>
          )}
          {playbook.promises.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title || p.id}
            </option>
          ))}
        </select>
        {errors.length > 0 && <p className="error">{errors.join('; ')}</p>}
      </div>
      <div className="field">
        <label htmlFor={cadenceId}>{i18n.t('editor.cadence.label')}</label>
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
              {i18n.t(`editor.cadence.${c}`)}
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
        {i18n.t('editor.everyRole')}
      </label>
      <ChoiceGroup
        legend={i18n.t('editor.roles')}
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
      <legend>{i18n.t('editor.triggers.legend')}</legend>
      <ChoiceGroup
        legend={i18n.t('editor.triggers.signals')}
        path={`${path}.signals`}
        choices={signalChoices()}
        chosen={when?.signals ?? []}
        onChange={(v) => set('signals', v.filter(isOneOf(CASE_SIGNAL_IDS)))}
      />
      <ListTextField
        label={i18n.t('editor.triggers.tags')}
        path={`${path}.tags`}
        hint={i18n.t('editor.triggers.tagsHint')}
        text={joinList(when?.tags)}
        normalise={(raw) => joinList(splitList(raw))}
        toEdit={(raw) => patchItem('behaviours', index, { when: withTrigger(when, 'tags', splitList(raw)) })}
      />
      <ChoiceGroup
        legend={i18n.t('editor.triggers.channels')}
        path={`${path}.channels`}
        choices={CHANNEL_CHOICES}
        chosen={when?.channels ?? []}
        onChange={(v) => set('channels', v)}
      />
      <ChoiceGroup
        legend={i18n.t('editor.triggers.statuses')}
        path={`${path}.statuses`}
        choices={STATUS_CHOICES}
        chosen={when?.statuses ?? []}
        onChange={(v) => set('statuses', v.filter(isOneOf(STATUSES)))}
      />
    </fieldset>
  );
}
