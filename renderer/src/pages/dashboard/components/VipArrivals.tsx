// For protocol officers: VIPs who arrived this day, newest first, as the hub lists them.
import { useTranslation } from 'react-i18next'
import { formatTime, type PanelProps } from '../model/view'

export function VipArrivals({ view, names, timezone }: PanelProps) {
  const { t } = useTranslation()
  const vips = view.stats.vipArrivals
  return (
    <section className="dash-panel" data-testid="vip-arrivals">
      <h2>{t('dashboard.vip')}</h2>
      {vips.length === 0 ? (
        <p className="dash-quiet">{t('dashboard.vipNone')}</p>
      ) : (
        <ol className="dash-feed">
          {vips.map((v) => (
            <li key={v.attendeeId} data-testid={`vip-${v.attendeeId}`}>
              <time dateTime={v.at}>{formatTime(v.at, timezone)}</time>
              <span>
                <strong>{[v.title, v.name].filter(Boolean).join(' ')}</strong>
                <span className="dash-sub">{[v.organisation, names.desk(v.deskId)].filter(Boolean).join(' · ')}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
