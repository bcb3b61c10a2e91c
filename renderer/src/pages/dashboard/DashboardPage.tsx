// The ushers' dashboard: live headcounts from the hub for one day. Every figure on it is the
// hub's (the last DayStats received); the page counts nothing itself.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { tokenStore } from '../../api/hub'
import { ArrivalsChart } from './components/ArrivalsChart'
import { Desks } from './components/Desks'
import { Halls } from './components/Halls'
import { Header, StaleBanner } from './components/Header'
import { Kiosks } from './components/Kiosks'
import { Reviews } from './components/Reviews'
import { Groups, Summary } from './components/Summary'
import { Tallies } from './components/Tallies'
import { TokenForm } from './components/TokenForm'
import { VipArrivals } from './components/VipArrivals'
import './dashboard.css'
import './strings'
import { useLiveStats } from './useLiveStats'
import { DEFAULT_TIMEZONE, namer, type Lang } from './model/view'

const tokens = tokenStore('dashboard')

export default function DashboardPage() {
  // the hub prints …/dashboard#token=<usher credential>: keep it, and take it off the address bar
  const [token, setToken] = useState(() => tokens.adoptFromUrl())
  const [refused, setRefused] = useState(false)
  // a link pasted into the address bar of an open page changes only the fragment
  useEffect(() => {
    const adopt = () => {
      const next = tokens.adoptFromUrl()
      if (!next) return
      setRefused(false)
      setToken(next)
    }
    window.addEventListener('hashchange', adopt)
    return () => window.removeEventListener('hashchange', adopt)
  }, [])

  if (!token) {
    return (
      <TokenForm
        refused={refused}
        onToken={(t) => {
          tokens.save(t)
          setRefused(false)
          setToken(t)
        }}
      />
    )
  }
  return (
    <LiveDashboard
      key={token}
      token={token}
      onRefused={() => {
        tokens.forget()
        setRefused(true)
        setToken(null)
      }}
    />
  )
}

function LiveDashboard({ token, onRefused }: { token: string; onRefused(): void }) {
  const { t, i18n } = useTranslation()
  const live = useLiveStats(token)
  const lang: Lang = i18n.language === 'en' ? 'en' : 'sw'
  const { view } = live
  const timezone = view?.event.timezone || DEFAULT_TIMEZONE
  const names = namer(view?.event, lang)

  useEffect(() => {
    if (live.refused) onRefused()
  }, [live.refused, onRefused])

  const stale = !live.connected && live.lostAt
  return (
    <div className="dash" data-testid="dashboard" data-stale={!!stale}>
      <Header
        view={view}
        names={names}
        timezone={timezone}
        connected={live.connected}
        chosenDay={live.chosenDay}
        chooseDay={live.chooseDay}
      />
      {stale && <StaleBanner lostAt={live.lostAt!} timezone={timezone} />}
      {!view ? (
        <p className="dash-quiet dash-wait">{t('dashboard.connecting')}</p>
      ) : (
        <main className="dash-grid" data-day={view.stats.dayId} data-last-seq={view.stats.lastSeq}>
          {/* what an usher acts on first: the day's figures, the halls, then cases and VIPs */}
          <Summary view={view} names={names} lang={lang} timezone={timezone} />
          <Halls view={view} names={names} lang={lang} timezone={timezone} />
          <Reviews view={view} names={names} lang={lang} timezone={timezone} />
          <VipArrivals view={view} names={names} lang={lang} timezone={timezone} />
          <Groups view={view} names={names} lang={lang} timezone={timezone} />
          <Desks view={view} names={names} lang={lang} timezone={timezone} />
          <ArrivalsChart view={view} names={names} lang={lang} timezone={timezone} />
          <Tallies
            title={t('dashboard.categories')}
            tallies={view.stats.categories}
            lang={lang}
            testId="categories"
            names={names.category}
          />
          <Tallies title={t('dashboard.orgTypes')} tallies={view.stats.orgTypes} lang={lang} testId="org-types" />
          <Kiosks view={view} names={names} lang={lang} timezone={timezone} />
        </main>
      )}
    </div>
  )
}
