import { i18n } from '#i18n';
import { downloadText } from '@/utils/download';
import type { WallKudos } from '@/utils/kudos/export';
import { KUDOS_CSV_FILE_NAME, KUDOS_JSON_FILE_NAME, kudosToCsv, kudosToJson } from '@/utils/kudos/export';

/** Export the kudos the filters show, as CSV or JSON. */
export function WallExport({
  kudos,
  promiseTitles,
}: {
  kudos: WallKudos[];
  promiseTitles: ReadonlyMap<string, string>;
}) {
  const none = kudos.length === 0;
  return (
    <div className="tool-row wall-export">
      <button
        type="button"
        disabled={none}
        onClick={() => downloadText(kudosToCsv(kudos, promiseTitles), KUDOS_CSV_FILE_NAME, 'text/csv;charset=utf-8')}
      >
        {i18n.t('wall.exportCsv')}
      </button>
      <button
        type="button"
        disabled={none}
        onClick={() => downloadText(kudosToJson(kudos), KUDOS_JSON_FILE_NAME, 'application/json')}
      >
        {i18n.t('wall.exportJson')}
      </button>
    </div>
  );
}
