import { useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { TeamFeedStatus } from '@/components/feed/TeamFeedStatus';
import { KudosList } from '@/components/kudos/KudosList';
import { WallCounts } from '@/components/kudos/WallCounts';
import { WallExport } from '@/components/kudos/WallExport';
import { WallFilters } from '@/components/kudos/WallFilters';
import { WallQuotes } from '@/components/kudos/WallQuotes';
import { useFeedRefresh, useTeamFeedState, useTeamKudos } from '@/utils/feed/hooks';
import { useKudos, usePromiseTitles } from '@/utils/kudos/hooks';
import {
  countsPerPromise,
  filterKudos,
  latestQuotes,
  type Me,
  mergeTeamKudos,
  NO_FILTER,
  promiseChoices,
  type WallFilter,
  wallChoices,
} from '@/utils/kudos/wall';
import { useActivePlaybook } from '@/utils/playbook/hooks';
import { settings } from '@/utils/settings';
import { useNow } from '@/utils/state/use-now';
import { useStored } from '@/utils/state/use-stored';

/**
 * The kudos wall: the team's kudos (read back from the team feed) and this browser's, each once, filtered, counted
 * per promise, with the customers' words.
 */
export function App() {
  const sentHere = useKudos();
  const team = useTeamKudos();
  const feed = useTeamFeedState();
  const { refreshing, refresh } = useFeedRefresh();
  const kudos = useMemo(() => (sentHere && team ? mergeTeamKudos(sentHere, team) : undefined), [sentHere, team]);
  const active = useActivePlaybook();
  const me: Me = useStored(settings.profile) ?? settings.profile.fallback;
  // Every minute, so "3 minutes ago" and the month columns stay true.
  const now = useNow(60_000);
  const [filter, setFilter] = useState<WallFilter>(NO_FILTER);

  const promises = useMemo(
    () => (active?.playbook.promises ?? []).map((p) => ({ id: p.id, title: p.title })),
    [active],
  );
  const promiseTitles = usePromiseTitles(active?.playbook);
  const all = kudos ?? [];
  const shown = useMemo(() => filterKudos(kudos ?? [], filter, me), [kudos, filter, me]);
  const choices = useMemo(() => wallChoices(kudos ?? []), [kudos]);

  return (
    <main className="panel wall">
      <h1 className="title">{i18n.t('wall.title')}</h1>
      <TeamFeedStatus feed={feed} refreshing={refreshing} onRefresh={refresh} now={now} />
      {kudos === undefined ? (
        <p className="muted" aria-busy="true">
          {i18n.t('common.loading')}
        </p>
      ) : kudos.length === 0 ? (
        <p className="muted">{i18n.t('wall.empty')}</p>
      ) : (
        <>
          <WallFilters
            filter={filter}
            onChange={setFilter}
            people={choices.people}
            teams={choices.teams}
            promises={promiseChoices(all, promises)}
            knowsMe={Boolean(me.name.trim() || me.email.trim())}
          />
          <div className="wall-summary">
            <p aria-live="polite" className="muted">
              {i18n.t('wall.showing', { shown: shown.length, total: all.length })}
            </p>
            <WallExport kudos={shown} promiseTitles={promiseTitles} />
          </div>
          <WallCounts counts={countsPerPromise(shown, promises, now)} />
          <WallQuotes kudos={latestQuotes(shown)} />
          <section aria-labelledby="wall-kudos-title" className="wall-kudos">
            <h2 id="wall-kudos-title" className="heading">
              {i18n.t('kudos.list')}
            </h2>
            <KudosList kudos={shown} now={now} promiseTitles={promiseTitles} />
          </section>
        </>
      )}
    </main>
  );
}
