// Cases for an organiser to look at: double admissions (two desks admitting the same person,
// usually while offline; both records kept, the person counted once), and people a kiosk let in
// that the hub would have refused (an old badge the kiosk had not yet heard was revoked).
import { useTranslation } from 'react-i18next'
import { formatTime, type PanelProps } from '../model/view'

export function Reviews({ view, names, timezone }: PanelProps) {
  const { t } = useTranslation()
  const reviews = view.stats.reviews
  const kioskName = (id: string) => view.kiosks.find((k) => k.kioskId === id)?.name ?? id
  return (
    <section className="dash-panel" data-testid="reviews">
      <h2>{t('dashboard.reviews')}</h2>
      {reviews.length === 0 ? (
        <p className="dash-quiet">{t('dashboard.reviewsNone')}</p>
      ) : (
        <ul className="dash-feed">
          {reviews.map((r) => (
            <li key={r.recordId} data-testid={`review-${r.recordId}`} data-kind={r.kind}>
              {t(
                r.kind === 'hub_refused'
                  ? 'dashboard.reviewRefusedLine'
                  : r.kind === 'revoked_kiosk'
                    ? 'dashboard.reviewRevokedKioskLine'
                    : r.kind === 'unknown_desk'
                      ? 'dashboard.reviewUnknownDeskLine'
                      : 'dashboard.reviewLine',
                {
                  attendee: r.name ?? r.attendeeId ?? '—',
                  desk: names.desk(r.deskId),
                  kiosk: kioskName(r.kioskId),
                  time: formatTime(r.at, timezone),
                  firstDesk: names.desk(r.firstDeskId),
                  why: t(`dashboard.hubSays.${r.hubOutcome ?? 'invalid'}`),
                },
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
