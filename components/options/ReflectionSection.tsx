import { i18n } from '#i18n';
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
        {i18n.t('options.reflection.title')}
      </h2>
      <p className="muted">{i18n.t('options.reflection.intro')}</p>
      {!reflection ? (
        <p className="muted" aria-busy="true">
          {i18n.t('options.reflection.counting')}
        </p>
      ) : (
        <table className="reflection">
          <caption className="visually-hidden">{i18n.t('options.reflection.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('options.reflection.promise')}</th>
              <th scope="col">{i18n.t('options.reflection.week')}</th>
              <th scope="col">{i18n.t('options.reflection.month')}</th>
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
      {reflection && none && <p className="muted">{i18n.t('options.reflection.none')}</p>}
      <div className="row-buttons">
        <button type="button" disabled={none} onClick={exportCsv}>
          {i18n.t('options.reflection.exportCsv')}
        </button>
        <button type="button" disabled={none} onClick={exportJson}>
          {i18n.t('options.reflection.exportJson')}
        </button>
      </div>
    </section>
  );
}
