import { i18n } from '#i18n';

/** One point of the page: the thing in bold, then what happens to it. */
interface Point {
  key: string;
  lead: string;
  text: string;
}

const stored = (): Point[] => [
  {
    key: 'customers',
    lead: i18n.t('privacy.stored.customers.lead'),
    text: i18n.t('privacy.stored.customers.text'),
  },
  { key: 'kudos', lead: i18n.t('privacy.stored.kudos.lead'), text: i18n.t('privacy.stored.kudos.text') },
  { key: 'settings', lead: i18n.t('privacy.stored.settings.lead'), text: i18n.t('privacy.stored.settings.text') },
  {
    key: 'credentials',
    lead: i18n.t('privacy.stored.credentials.lead'),
    text: i18n.t('privacy.stored.credentials.text'),
  },
  { key: 'tab', lead: i18n.t('privacy.stored.tab.lead'), text: i18n.t('privacy.stored.tab.text') },
];

const leaving = (): Point[] => [
  { key: 'helpdesk', lead: i18n.t('privacy.leaves.helpdesk.lead'), text: i18n.t('privacy.leaves.helpdesk.text') },
  { key: 'api', lead: i18n.t('privacy.leaves.api.lead'), text: i18n.t('privacy.leaves.api.text') },
  { key: 'kudos', lead: i18n.t('privacy.leaves.kudos.lead'), text: i18n.t('privacy.leaves.kudos.text') },
  { key: 'feedback', lead: i18n.t('privacy.leaves.feedback.lead'), text: i18n.t('privacy.leaves.feedback.text') },
  {
    key: 'downloads',
    lead: i18n.t('privacy.leaves.downloads.lead'),
    text: i18n.t('privacy.leaves.downloads.text'),
  },
];

function Points({ points }: { points: Point[] }) {
  return (
    <ul>
      {points.map(({ key, lead, text }) => (
        <li key={key}>
          <strong>{lead}</strong> {text}
        </li>
      ))}
    </ul>
  );
}

/** What Kept stores, where, for how long, and what leaves the browser. Plain words for reps and their admins. */
export function App() {
  return (
    <main className="panel privacy">
      <h1 className="title">{i18n.t('privacy.title')}</h1>
      <h2 className="heading">{i18n.t('privacy.storedTitle')}</h2>
      <Points points={stored()} />
      <h2 className="heading">{i18n.t('privacy.leavesTitle')}</h2>
      <Points points={leaving()} />
      <p>{i18n.t('privacy.nothingElse')}</p>
      <h2 className="heading">{i18n.t('privacy.controlsTitle')}</h2>
      <p>{i18n.t('privacy.controls')}</p>
    </main>
  );
}
