// Who is inside each hall now against its capacity; the hub decides the level
// ('warning' from 90 %, 'alarm' at capacity) and the page only shows it.
import { useTranslation } from 'react-i18next'
import { formatNumber, type PanelProps } from '../model/view'
import { Meter } from './Meter'

export function Halls({ view, names, lang }: PanelProps) {
  const { t } = useTranslation()
  if (view.stats.halls.length === 0) return null
  return (
    <section className="dash-panel" data-testid="halls">
      <h2>{t('dashboard.halls')}</h2>
      <ul className="dash-halls">
        {view.stats.halls.map((h) => (
          <li key={h.hallId} className="dash-hall" data-testid={`hall-${h.hallId}`} data-level={h.level}>
            <span className="dash-name">{names.hall(h.hallId)}</span>
            <span className="dash-big">
              <strong data-testid={`hall-${h.hallId}-inside`}>{formatNumber(h.inside, lang)}</strong>
              <span className="dash-of"> / {formatNumber(h.capacity, lang)}</span>
            </span>
            <Meter value={h.inside} max={h.capacity} />
            <span className="dash-level" role={h.level === 'ok' ? undefined : 'status'}>
              {t(`dashboard.level.${h.level}`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
