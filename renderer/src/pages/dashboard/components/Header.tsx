// Title, day picker, freshness and language; the stale banner when the hub is out of reach.
import { useTranslation } from 'react-i18next'
import { formatTime, type DashboardView, type Namer } from '../model/view'
import { LanguageButton } from './LanguageButton'

interface HeaderProps {
  view: DashboardView | null
  names: Namer
  timezone: string
  connected: boolean
  chosenDay: string | null
  chooseDay(dayId: string): void
}

export function Header({ view, names, timezone, connected, chosenDay, chooseDay }: HeaderProps) {
  const { t } = useTranslation()
  const shown = chosenDay ?? view?.stats.dayId ?? ''
  const days = view?.event.days.map((d) => d.id) ?? (shown ? [shown] : [])
  return (
    <header className="dash-bar">
      <div className="dash-titles">
        <h1>{t('dashboard.title')}</h1>
        {names.event() && <span className="dash-sub">{names.event()}</span>}
      </div>
      <label className="dash-day">
        {t('dashboard.day')}
        <select data-testid="day-picker" value={shown} disabled={days.length < 2} onChange={(e) => chooseDay(e.target.value)}>
          {days.map((id) => (
            <option key={id} value={id}>
              {names.day(id)}
            </option>
          ))}
        </select>
      </label>
      <span className={`dash-conn ${connected ? 'online' : 'offline'}`} data-testid="connection" data-connected={connected}>
        {t(connected ? 'common.online' : 'common.offline')}
        {view && <span className="dash-sub">{t('dashboard.updatedAt', { time: formatTime(view.stats.generatedAt, timezone, true) })}</span>}
      </span>
      <LanguageButton />
    </header>
  )
}

export function StaleBanner({ lostAt, timezone }: { lostAt: Date; timezone: string }) {
  const { t } = useTranslation()
  return (
    <div className="dash-stale" role="alert" data-testid="stale-banner">
      <strong>{t('dashboard.stale', { time: formatTime(lostAt, timezone) })}</strong>
      <span>{t('dashboard.reconnecting')}</span>
    </div>
  )
}
