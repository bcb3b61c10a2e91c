// The day's headline figures in one compact card, and the groups expected that day, each with
// its colour (a group not expected that day, with nobody in, is left off).
import { useTranslation } from 'react-i18next'
import { formatNumber, type PanelProps } from '../model/view'
import { Meter } from './Meter'

export function Summary({ view, lang }: PanelProps) {
  const { t } = useTranslation()
  const { stats } = view
  const n = (x: number) => formatNumber(x, lang)
  return (
    <section className="dash-panel dash-summary" aria-label={t('dashboard.checkedIn')}>
      <div className="dash-figure dash-main">
        <span className="dash-label">{t('dashboard.checkedInOfExpected')}</span>
        <span className="dash-big">
          <strong data-testid="checked-in-total">{n(stats.checkedIn)}</strong>
          <span className="dash-of">
            {' / '}
            <span data-testid="expected-total">{n(stats.expected)}</span>
          </span>
        </span>
        <Meter value={stats.checkedIn} max={stats.expected} />
      </div>
      <div className="dash-figure">
        <span className="dash-label">{t('dashboard.notArrived')}</span>
        <strong className="dash-big" data-testid="not-arrived">
          {n(stats.notArrived)}
        </strong>
      </div>
      <div className="dash-figure">
        <span className="dash-label">{t('dashboard.uniqueAllDays')}</span>
        <strong className="dash-big" data-testid="unique-all-days">
          {n(stats.uniqueAllDays)}
        </strong>
      </div>
    </section>
  )
}

export function Groups({ view, names, lang }: PanelProps) {
  const { t } = useTranslation()
  return (
    <section className="dash-panel" data-testid="groups">
      <h2>{t('dashboard.groups')}</h2>
      <ul className="dash-rows">
        {view.stats.groups
          .filter((g) => g.expected > 0 || g.checkedIn > 0)
          .map((g) => (
            <li key={g.key} data-testid={`group-${g.key}`}>
              <span className="dash-swatch" style={{ background: names.groupColor(g.key) }} aria-hidden="true" />
              <span className="dash-name">{names.group(g.key)}</span>
              <span className="dash-count">
                <strong className="checked-in">{formatNumber(g.checkedIn, lang)}</strong>
                {' / '}
                <span className="expected">{formatNumber(g.expected, lang)}</span>
              </span>
              <Meter value={g.checkedIn} max={g.expected} color={names.groupColor(g.key)} />
            </li>
          ))}
      </ul>
    </section>
  )
}
