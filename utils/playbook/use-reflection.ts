import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db } from '../db';
import { downloadText } from '../download';
import { useNow } from '../state/use-now';
import { useActivePlaybook } from './hooks';
import {
  periodStarts,
  REFLECTION_CSV_FILE_NAME,
  REFLECTION_JSON_FILE_NAME,
  reflect,
  reflectionToCsv,
  reflectionToJson,
} from './reflection';

/**
 * The rep's reflection, live: a tick on any case or routine shows at once, and a new week or month starts the count
 * afresh. Only the ticks of the last five weeks are read (a week can start in the month before).
 */
export function useReflection() {
  const active = useActivePlaybook();
  const now = useNow(60_000);
  const { weekStart, monthStart } = periodStarts(now);
  const since = Math.min(weekStart, monthStart);
  const checks = useLiveQuery(() => db.checks.filter((c) => c.checkedAt >= since).toArray(), [since]);
  const reflection = useMemo(
    () => (active && checks ? reflect(checks, active.playbook, now) : undefined),
    [active, checks, now],
  );
  return {
    reflection,
    exportCsv: () =>
      reflection && downloadText(reflectionToCsv(reflection), REFLECTION_CSV_FILE_NAME, 'text/csv;charset=utf-8'),
    exportJson: () =>
      reflection &&
      downloadText(reflectionToJson(reflection, Date.now()), REFLECTION_JSON_FILE_NAME, 'application/json'),
  };
}
