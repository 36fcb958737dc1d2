import { useState } from 'react';
import { i18n } from '#i18n';
import { type CaseFacts, type ChosenBehaviour, focusedBehaviours } from '@/utils/playbook/choose';
import type { Playbook } from '@/utils/playbook/schema';
import { RoleOptions } from '../RoleOptions';

/** The case the preview imagines: a customer writing again about the same thing. */
const REPEAT_CONTACT: CaseFacts = { signals: ['repeat-contact'], tags: [] };

/** What a rep in a role would see in the panel on a repeat-contact case, from the draft as it stands. */
export function EditorPreview({ playbook }: { playbook: Playbook | undefined }) {
  const [picked, setPicked] = useState<string>();
  if (!playbook) {
    return (
      <section aria-label={i18n.t('editor.preview.title')} className="editor-preview">
        <h4>{i18n.t('editor.preview.title')}</h4>
        <p className="muted">{i18n.t('editor.preview.waiting')}</p>
      </section>
    );
  }
  const role = playbook.roles.find((r) => r.id === picked) ?? playbook.roles[0];
  const chosen = role ? focusedBehaviours(playbook, role.id, REPEAT_CONTACT) : undefined;
  const more = chosen?.rest.reduce((n, g) => n + g.behaviours.length, 0) ?? 0;
  return (
    <section aria-label={i18n.t('editor.preview.title')} className="editor-preview">
      <h4>{i18n.t('editor.preview.heading')}</h4>
      <label className="field">
        {i18n.t('editor.preview.role')}
        <select value={role?.id} onChange={(e) => setPicked(e.target.value)}>
          <RoleOptions roles={playbook.roles} />
        </select>
      </label>
      {chosen && (
        <>
          <PreviewList name={i18n.t('behaviours.forCase')} behaviours={chosen.focused} />
          <p className="muted">{i18n.t('editor.preview.more', { count: more })}</p>
          <PreviewList name={i18n.t('behaviours.today')} behaviours={chosen.daily} />
          <PreviewList name={i18n.t('behaviours.thisWeek')} behaviours={chosen.weekly} />
        </>
      )}
    </section>
  );
}

function PreviewList({ name, behaviours }: { name: string; behaviours: ChosenBehaviour[] }) {
  if (behaviours.length === 0) return null;
  return (
    <>
      <p className="checklist-title">{name}</p>
      <ul aria-label={name} className="checklist">
        {behaviours.map(({ behaviour, reasons }) => (
          <li key={behaviour.id} className={reasons.length > 0 ? 'behaviour behaviour--fits' : 'behaviour'}>
            <span className="behaviour-text">{behaviour.text}</span>
            {reasons.length > 0 && (
              <span className="reason">{` ${i18n.t('behaviours.fits', { reasons: reasons.join(', ') })}`}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
