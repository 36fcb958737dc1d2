import { i18n } from '#i18n';
import type { TeamKudos } from '@/utils/feed/schema';
import { useKudosActions } from '@/utils/kudos/hooks';
import type { Kudos, KudosCase } from '@/utils/schemas';
import { absoluteDate, isoDate, relativeTime } from '@/utils/time';
import { KudosStatus } from './KudosStatus';

interface Props {
  /** Newest first, as the caller's live query gives them: sent from this browser, or read from the team feed. */
  kudos: Array<Kudos | TeamKudos>;
  now: number;
  /** Promise titles by id, to say which promise a kudos honours. */
  promiseTitles?: ReadonlyMap<string, string>;
  label?: string;
}

/** Kudos with whom they praise, the words, the customer's quote, the case, when, and how delivery is going. */
export function KudosList({ kudos, now, promiseTitles, label = i18n.t('kudos.list') }: Props) {
  if (kudos.length === 0) return <p className="muted">{i18n.t('kudos.none')}</p>;
  return (
    <ul aria-label={label} className="kudos-list">
      {kudos.map((k) => (
        <KudosItem
          key={k.id}
          kudos={k}
          now={now}
          promiseTitle={k.promiseId ? (promiseTitles?.get(k.promiseId) ?? teamTitle(k)) : undefined}
        />
      ))}
    </ul>
  );
}

/** The title the sender's playbook gave the promise, for a team kudos whose promise this playbook lacks. */
const teamTitle = (kudos: Kudos | TeamKudos) => ('promiseTitle' in kudos ? kudos.promiseTitle : undefined);

const recipientOf = (kudos: Kudos | TeamKudos) =>
  kudos.to.kind === 'person' && kudos.to.team ? `${kudos.to.name} (${kudos.to.team})` : kudos.to.name;

function KudosItem({ kudos, now, promiseTitle }: { kudos: Kudos | TeamKudos; now: number; promiseTitle?: string }) {
  const sentHere = 'state' in kudos;
  return (
    <li className={`kudos-item kudos-item--${sentHere ? kudos.state : 'team'}`}>
      <p className="kudos-who">
        <span className="muted">{`${kudos.from.name} → `}</span>
        <strong>{recipientOf(kudos)}</strong>
        {kudos.to.kind === 'team' && <span className="muted"> {i18n.t('kudos.team')}</span>}
      </p>
      {kudos.promiseId && (
        <p className="kudos-promise">{i18n.t('kudos.promiseKept', { promise: promiseTitle || kudos.promiseId })}</p>
      )}
      <p className="kudos-message">{kudos.message}</p>
      {kudos.quote && <blockquote className="kudos-quote">{kudos.quote}</blockquote>}
      <p className="kudos-meta">
        {kudos.case && <CaseLink value={kudos.case} />}
        <time dateTime={isoDate(kudos.createdAt)} title={absoluteDate(kudos.createdAt)}>
          {relativeTime(kudos.createdAt, now)}
        </time>
      </p>
      {sentHere ? (
        <>
          <KudosStatus kudos={kudos} />
          <KudosActions kudos={kudos} />
        </>
      ) : (
        <p className="kudos-state kudos-state--team">{i18n.t('kudos.fromFeed')}</p>
      )}
    </li>
  );
}

const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

/** The case as a normal link opening in a new tab; an address that is not http(s) is shown as text only. */
function CaseLink({ value }: { value: KudosCase }) {
  const text = `${value.subject?.trim() || 'Ticket'} #${value.ticketId}`;
  if (!isWebAddress(value.url)) return <span className="kudos-case-link">{text}</span>;
  return (
    <a className="kudos-case-link" href={value.url} target="_blank" rel="noreferrer">
      {text}
    </a>
  );
}

/** Retry (failed kudos only) and Delete, which asks first. */
function KudosActions({ kudos }: { kudos: Kudos }) {
  const { confirming, setConfirming, error, deleteButton, cancelButton, retry, remove } = useKudosActions(kudos.id);
  return (
    <div className="kudos-actions">
      {confirming ? (
        <fieldset className="confirm">
          <legend>{i18n.t('kudos.deleteConfirm')}</legend>
          <button type="button" className="danger" onClick={remove}>
            {i18n.t('kudos.confirmDelete')}
          </button>
          <button type="button" ref={cancelButton} onClick={() => setConfirming(false)}>
            {i18n.t('common.cancel')}
          </button>
        </fieldset>
      ) : (
        <>
          {kudos.state === 'failed' && (
            <button type="button" onClick={retry}>
              {i18n.t('common.retry')}
            </button>
          )}
          <button type="button" ref={deleteButton} onClick={() => setConfirming(true)}>
            {i18n.t('common.delete')}
          </button>
        </>
      )}
      {error && <p className="error">{error}</p>}
    </div>
  );
}
