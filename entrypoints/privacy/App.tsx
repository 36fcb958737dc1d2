/** What Kept stores, where, for how long, and what leaves the browser. Plain words for reps and their admins. */
export function App() {
  return (
    <main className="panel privacy">
      <h1 className="title">What Kept stores and sends</h1>
      <h2 className="heading">Stored in this browser only</h2>
      <ul>
        <li>
          <strong>Customers and their earlier conversations</strong> (name, email, organisation; ticket subject, status,
          channel, dates, rating, first line) read from your helpdesk, in IndexedDB. A customer and their history are
          forgotten once Kept has not shown that customer for the retention period you set in Options (90 days unless
          changed). The clock is Kept's, not the helpdesk's: a two-year-old ticket of a customer you saw last week
          stays; each time Kept shows or fetches the history, the period starts again.
        </li>
        <li>
          <strong>Kudos</strong> you send, with the case link and the customer quote as sent (masked unless you turned
          masking off), until you delete them; and <strong>feedback on the playbook</strong> you send from the panel
          (“Suggest a change”, “This got in my way”).
        </li>
        <li>
          <strong>Your settings</strong>: role, name and email, playbook, roster, helpdesk switches and allowed tenants,
          in the extension's local storage. <strong>Credentials</strong> (the kudos and feedback webhook URLs and their
          signing secrets, the helpdesk API tokens an admin saved) in the extension's own database, which scripts Kept
          runs in helpdesk pages cannot read. Never synced to other browsers; a data export shows them masked. Settings
          your organisation manages come from its browser policy and are not stored by Kept.
        </li>
        <li>
          <strong>The case in each tab</strong>, in session storage, gone when the browser closes.
        </li>
      </ul>
      <h2 className="heading">What leaves the browser</h2>
      <ul>
        <li>
          Requests to <strong>your own helpdesk</strong>, made with your signed-in session, to read the ticket and the
          customer's earlier tickets.
        </li>
        <li>
          For helpdesks whose pages offer no such access, requests to <strong>that helpdesk's API</strong> with the API
          token an admin saved in Options, only to the helpdesk's own API host, for the same reading.
        </li>
        <li>
          <strong>Kudos</strong>, to the channel your team configured (Slack, Microsoft Teams or a webhook), and only
          when you send one; with a signing secret, a webhook gets a signature of the body, never the secret. A
          customer's email address is never sent; the ticket subject, and the quote unless you turn that off, go with
          email addresses, phone, card and bank account numbers masked.
        </li>
        <li>
          <strong>Feedback on the playbook</strong>, to the playbook owner's channel your team configured, and only when
          you send it: the behaviour and its promise, your name, email and role, your words (masked the same way) and
          the case's helpdesk, number and link. Never the customer's name or email, nor the ticket subject.
        </li>
        <li>
          A playbook you import from a URL is downloaded from that URL; a roster your organisation's policy names by URL
          is downloaded from there, without cookies.
        </li>
      </ul>
      <p>
        Nothing else: no analytics, no tracking, no remote code. Kept runs only the code inside the extension package.
      </p>
      <h2 className="heading">Your controls</h2>
      <p>
        Options → Your data: set how long customer history is kept, export everything Kept stores (secrets masked), or
        delete all of it.
      </p>
    </main>
  );
}
