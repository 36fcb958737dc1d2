import { type FormEvent, type RefObject, useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { useManaged } from '@/utils/options/managed';
import { type ActivePlaybook, effectiveRoleId, selectableRoles } from '@/utils/playbook/store';
import { settings } from '@/utils/settings';
import { errorText, useOutcome } from '@/utils/state/outcome';
import { ManagedNote } from './ManagedNote';
import { OutcomeNote } from './OutcomeView';
import { RoleOptions } from './RoleOptions';

interface Props {
  active: ActivePlaybook | undefined;
  /** The role the rep chose, as stored; undefined while loading. */
  chosen: string | null | undefined;
  roleSelect: RefObject<HTMLSelectElement | null>;
}

/** Who the rep is: role (saved on change), name and email, and how much history Kept loads per customer. */
export function YouSection({ active, chosen, roleSelect }: Props) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [cap, setCap] = useState('500');
  const { outcome: status, show } = useOutcome();
  const capManaged = useManaged(settings.historyCap);

  useEffect(() => {
    const show = (p: { name: string; email: string }) => {
      setName(p.name);
      setEmail(p.email);
    };
    void settings.profile.getValue().then(show);
    void settings.historyCap.getValue().then((n) => setCap(String(n)));
    // The welcome's name step saves the name too; Save here must not write back the one read before it.
    return settings.profile.watch(show);
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      // Validate both before writing either, so a bad value changes nothing.
      const profile = { name: name.trim(), email: email.trim() };
      const historyCap = Number(cap);
      if (!capManaged) {
        await settings.historyCap.setValue(historyCap).catch((e: Error) => {
          throw new Error(i18n.t('you.historyCapError', { problem: e.message }));
        });
      }
      await settings.profile.setValue(profile).catch((e: Error) => {
        throw new Error(i18n.t('you.emailError', { problem: e.message }));
      });
      show({ kind: 'done', text: i18n.t('you.saved') });
    } catch (error) {
      show({ kind: 'failed', text: errorText(error) });
    }
  };

  return (
    <section aria-labelledby="you-title" className="options-section">
      <form onSubmit={save} className="form">
        <h2 id="you-title" className="heading">
          {i18n.t('you.title')}
        </h2>
        <RoleField active={active} chosen={chosen} roleSelect={roleSelect} />
        <label>
          {i18n.t('you.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </label>
        <label>
          {i18n.t('you.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
        </label>
        <h2 className="heading">{i18n.t('you.history')}</h2>
        <label>
          {i18n.t('you.historyCap')}
          <input
            type="number"
            min={10}
            max={5000}
            value={cap}
            disabled={capManaged}
            onChange={(e) => setCap(e.target.value)}
          />
        </label>
        <ManagedNote managed={capManaged} />
        <div className="form-actions">
          <button type="submit" className="primary">
            {i18n.t('common.save')}
          </button>
          <p role="status" className={status.kind === 'failed' ? 'error' : 'muted'}>
            {status.kind === 'idle' ? '' : status.text}
          </p>
        </div>
      </form>
    </section>
  );
}

/** The rep's role, saved as soon as it changes so an open side panel follows at once. */
function RoleField({ active, chosen, roleSelect }: Props) {
  // What the rep just picked, shown until storage confirms it (a controlled select would jump back meanwhile).
  const [picked, setPicked] = useState<string>();
  const { outcome, show } = useOutcome();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new stored value (here or in another tab) wins.
  useEffect(() => setPicked(undefined), [chosen]);

  if (!active || chosen === undefined) {
    return (
      <label>
        {i18n.t('you.role')}
        <select disabled value="">
          <option value="">{i18n.t('you.loadingRoles')}</option>
        </select>
      </label>
    );
  }

  const roleId = effectiveRoleId(active, chosen);
  const preset = roleId !== null && roleId === active.presetRoleId;
  const roles = preset ? active.playbook.roles.filter((r) => r.id === roleId) : selectableRoles(active);
  const value = picked ?? roleId ?? '';
  const role = roles.find((r) => r.id === value);
  const lost = !preset && chosen !== null && roleId === null;
  const hint = preset
    ? i18n.t('you.rolePreset')
    : lost
      ? i18n.t('you.roleLost', { role: chosen })
      : (role?.description ?? '');

  const change = (id: string) => {
    if (!id) return;
    setPicked(id);
    settings.roleId.setValue(id).then(
      () => show({ kind: 'done', text: i18n.t('you.roleSaved') }),
      (e: Error) => {
        setPicked(undefined);
        show({ kind: 'failed', text: i18n.t('you.roleNotSaved', { problem: e.message }) });
      },
    );
  };

  return (
    <div className="field">
      <label>
        {i18n.t('you.role')}
        <select
          ref={roleSelect}
          value={value}
          disabled={preset}
          aria-describedby={hint ? 'role-hint' : undefined}
          onChange={(e) => change(e.target.value)}
        >
          {value === '' && <option value="">{i18n.t('you.chooseRole')}</option>}
          <RoleOptions roles={roles} />
        </select>
      </label>
      {hint && (
        <p id="role-hint" className={lost ? 'notice' : 'muted hint'}>
          {hint}
        </p>
      )}
      <OutcomeNote outcome={outcome} />
    </div>
  );
}
