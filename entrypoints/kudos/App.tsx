import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/utils/db';

/** Every kudos this browser has sent, newest first. */
export function App() {
  const kudos = useLiveQuery(() => db.kudos.orderBy('createdAt').reverse().toArray(), []);
  return (
    <main className="panel wall">
      <h1 className="title">Kudos wall</h1>
      {kudos === undefined ? (
        <p className="muted">Loading…</p>
      ) : kudos.length === 0 ? (
        <p className="muted">No kudos yet. Send praise from a ticket's side panel to recognise a teammate or a team.</p>
      ) : (
        <ul aria-label="Kudos" className="conversations">
          {kudos.map((k) => (
            <li key={k.id}>
              <strong>{k.to.name}</strong>: {k.message}
              {k.quote && <blockquote>{k.quote}</blockquote>}
              <span className="muted"> · {new Date(k.createdAt).toLocaleString()}</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
