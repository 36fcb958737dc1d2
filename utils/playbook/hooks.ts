import { useEffect, useState } from 'react';
import { settings } from '../settings';
import { useStored } from '../state/use-stored';
import {
  type ActivePlaybook,
  cachedActivePlaybook,
  effectiveRoleId,
  loadActivePlaybook,
  watchActivePlaybook,
} from './store';

/** The playbook in force, live: an import, a reset or a policy change shows without reload. */
export function useActivePlaybook(): ActivePlaybook | undefined {
  const [active, setActive] = useState<ActivePlaybook>();
  useEffect(() => {
    let live = true;
    let settled = false;
    // The copy answers at once; the real read, which can take two seconds on a fresh profile, has the last word.
    void cachedActivePlaybook().then((a) => live && !settled && setActive(a));
    void loadActivePlaybook().then((a) => {
      settled = true;
      if (live) setActive(a);
    });
    const stop = watchActivePlaybook((a) => live && setActive(a));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return active;
}

/** The rep's chosen role id as stored (null = not chosen yet); `undefined` while loading. */
export function useChosenRoleId(): string | null | undefined {
  return useStored(settings.roleId);
}

/** The playbook and the role in force together, for the panel and options. */
export function useRole() {
  const active = useActivePlaybook();
  const chosen = useChosenRoleId();
  const roleId = active && chosen !== undefined ? effectiveRoleId(active, chosen) : undefined;
  return { active, roleId, role: active?.playbook.roles.find((r) => r.id === roleId) };
}
