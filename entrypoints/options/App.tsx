import { type FormEvent, useEffect, useState } from 'react';
import { settings } from '@/utils/settings';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** Options: who the rep is, and how much history Kept keeps per customer. */
export function App() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [cap, setCap] = useState('500');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    void settings.profile.get().then((p) => {
      setName(p.name);
      setEmail(p.email);
    });
    void settings.historyCap.get().then((n) => setCap(String(n)));
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      // Validate both before writing either, so a bad value changes nothing.
      const profile = { name: name.trim(), email: email.trim() };
      const historyCap = Number(cap);
      await settings.historyCap.set(historyCap).catch((e: Error) => {
        throw new Error(`History per customer: ${e.message}`);
      });
      await settings.profile.set(profile).catch((e: Error) => {
        throw new Error(`Your email: ${e.message}`);
      });
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <main className="panel options">
      <h1 className="title">Kept options</h1>
      <form onSubmit={save} className="form">
        <h2 className="heading">You</h2>
        <label>
          Your name
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </label>
        <label>
          Your email
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
        </label>
        <h2 className="heading">History</h2>
        <label>
          Earlier conversations to load per customer
          <input type="number" min={10} max={5000} value={cap} onChange={(e) => setCap(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          Save
        </button>
        <p role="status" className={status.kind === 'error' ? 'error' : 'muted'}>
          {status.kind === 'saved' ? 'Saved.' : status.kind === 'error' ? status.message : ''}
        </p>
      </form>
    </main>
  );
}
