// Admissions per desk today and in the last 15 minutes, and the prompt to open another desk.
import { useTranslation } from 'react-i18next'
import { deskAdvice } from '../model/desk-advice'
import { formatNumber, type PanelProps } from '../model/view'

export function Desks({ view, names, lang }: PanelProps) {
  const { t } = useTranslation()
  const n = (x: number) => formatNumber(x, lang)
  const advice = deskAdvice(view.stats, view.kiosks)
  return (
    <section className="dash-panel" data-testid="desks">
      <h2>{t('dashboard.desks')}</h2>
      {advice.openAnother && (
        <div className="dash-alert" role="status" data-testid="open-desk">
          <strong>{t('dashboard.openDesk')}</strong>
          <span>
            {t('dashboard.openDeskDetail', { arrivals: n(advice.arrivals), desks: n(advice.openDesks), capacity: n(advice.capacity) })}
          </span>
        </div>
      )}
      <table className="dash-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.desk')}</th>
            <th scope="col" className="num">
              {t('dashboard.admitted')}
            </th>
            <th scope="col" className="num">
              {t('dashboard.last15m')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.stats.desks.map((d) => (
            <tr key={d.deskId} data-testid={`desk-${d.deskId}`}>
              <th scope="row">{names.desk(d.deskId)}</th>
              <td className="num admitted">{n(d.admitted)}</td>
              <td className="num last15m">{n(d.last15m)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
