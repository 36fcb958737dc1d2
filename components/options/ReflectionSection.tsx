import { useReflection } from '@/utils/playbook/use-reflection';

/**
 * Options → the rep's own reflection: how many times this week and this month they kept each promise's behaviours,
 * from their ticks. Private: it stays in this browser unless the rep exports it.
 */
export function ReflectionSection() {
  const { reflection, exportCsv, exportJson } = useReflection();
  const none = !reflection || reflection.promises.every((p) => p.month === 0 && p.week === 0);
  return (
    <section className="options-section" aria-labelledby="reflection-heading">
      <h2 id="reflection-heading" className="heading">
        Your reflection
      </h2>
      <p className="muted">
        How often you kept each promise’s behaviours, counted from what you ticked in the panel. Only you see this: it
        stays in this browser unless you export it.
      </p>
      {!reflection ? (
        <p className="muted" aria-busy="true">
          Counting…
        </p>
      ) : (
        <table className="reflection">
          <caption className="visually-hidden">Behaviours kept per promise</caption>
          <thead>
            <tr>
              <th scope="col">Promise</th>
              <th scope="col">This week</th>
              <th scope="col">This month</th>
            </tr>
          </thead>
          <tbody>
            {reflection.promises.flatMap(({ promise, week, month, behaviours }) => [
              <tr key={promise.id || 'gone'} className="reflection-promise">
                <th scope="row">{promise.title}</th>
                <td>{week}</td>
                <td>{month}</td>
              </tr>,
              ...behaviours.map((b) => (
                <tr key={`${promise.id}/${b.behaviour.id}`} className="reflection-behaviour">
                  <th scope="row">{b.behaviour.text}</th>
                  <td>{b.week}</td>
                  <td>{b.month}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      )}
      {reflection && none && <p className="muted">Nothing ticked yet this month.</p>}
      <div className="row-buttons">
        <button type="button" disabled={none} onClick={exportCsv}>
          Export reflection (CSV)
        </button>
        <button type="button" disabled={none} onClick={exportJson}>
          Export reflection (JSON)
        </button>
      </div>
    </section>
  );
}
