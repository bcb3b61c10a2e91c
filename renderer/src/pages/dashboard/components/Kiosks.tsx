// The kiosks as the hub last heard of them: online, last seen, outbox, clock.
import { useTranslation } from 'react-i18next'
import { CLOCK_OFFSET_WARN_MS, formatNumber, formatOffset, formatTime, type PanelProps } from '../model/view'
import { PRINTER_STATE_LABEL } from '../../../../../shared/badges/printer-health'

export function Kiosks({ view, names, lang, timezone }: PanelProps) {
  const { t } = useTranslation()
  return (
    <section className="dash-panel dash-span2" data-testid="kiosks">
      <h2>{t('dashboard.kiosks')}</h2>
      {view.kiosks.some((k) => k.presenceLocalOnly) && (
        <p className="dash-quiet" data-testid="kiosks-local-only">
          {t('dashboard.kiosksLocalOnly')}
        </p>
      )}
      {view.kiosks.length === 0 ? (
        <p className="dash-quiet">{t('dashboard.kiosksNone')}</p>
      ) : (
        <table className="dash-table dash-kiosks">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.kiosk')}</th>
              <th scope="col">{t('dashboard.status')}</th>
              <th scope="col">{t('dashboard.lastSeen')}</th>
              <th scope="col" className="num">
                {t('dashboard.outbox')}
              </th>
              <th scope="col" className="num">
                {t('dashboard.clockOffset')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.kiosks.map((k) => {
              const skewed = Math.abs(k.clockOffsetMs) > CLOCK_OFFSET_WARN_MS
              const status = k.revoked ? 'revoked' : k.online ? 'online' : 'offline'
              return (
                <tr key={k.kioskId} data-testid={`kiosk-${k.kioskId}`} data-status={status}>
                  <th scope="row">
                    {k.name}
                    <span className="dash-sub">{names.desk(k.deskId)}</span>
                  </th>
                  <td className={`dash-status ${status}`} data-label={t('dashboard.status')}>
                    {t(k.revoked ? 'dashboard.revoked' : k.online ? 'common.online' : 'common.offline')}
                    {k.printer && k.printer.state !== 'ready' && (
                      <span className="dash-sub" data-testid={`kiosk-printer-${k.kioskId}`} data-printer-state={k.printer.state}>
                        {PRINTER_STATE_LABEL[k.printer.state][lang]} ({k.printer.printer})
                      </span>
                    )}
                  </td>
                  <td data-label={t('dashboard.lastSeen')}>{k.lastSeen ? formatTime(k.lastSeen, timezone, true) : '—'}</td>
                  <td className="num outbox" data-label={t('dashboard.outbox')}>
                    {formatNumber(k.outboxDepth, lang)}
                  </td>
                  <td
                    className="num clock"
                    data-label={t('dashboard.clockOffset')}
                    data-skewed={skewed}
                    title={skewed ? t('dashboard.clockWarn') : undefined}
                  >
                    {formatOffset(k.clockOffsetMs)}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
