// Reports: the attendance register (CSV/PDF) for a day and group, the full check-in log, the
// summary PDF, and badges in bulk. Downloads go through fetch, since they need the bearer header.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { exportPaths, saveFile } from '../../../api/admin'
import type { EventInfo } from '../../../../../shared/domain'
import { useAction, useAdmin, useLang } from '../context'
import { ErrorNote } from './common'

export function ExportsTab() {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const { lang: pageLang, name } = useLang()
  const { busy, error, run } = useAction()
  const [event, setEvent] = useState<EventInfo | null>(null)
  const [day, setDay] = useState('')
  const [group, setGroup] = useState('')
  const [lang, setLang] = useState<string>(pageLang)
  const [notPrinted, setNotPrinted] = useState(true)
  const [layout, setLayout] = useState<'single' | 'sheet'>('sheet')

  useEffect(() => {
    void run(async () => {
      const answer = await api.getEvent()
      setEvent(answer.event)
      setDay(answer.event.days[0]?.id ?? '')
    })
  }, [api, run])

  const get = (path: string) => run(async () => saveFile(await api.download(path)))
  if (!event) return <ErrorNote error={error} />

  const pickers = (
    <div className="admin-pickers">
      <label>
        {t('admin.exports.day')}
        <select value={day} onChange={(e) => setDay(e.target.value)} data-testid="export-day">
          {event.days.map((d) => (
            <option key={d.id} value={d.id}>
              {name(d.name)} ({d.date})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.exports.group')}
        <select value={group} onChange={(e) => setGroup(e.target.value)} data-testid="export-group">
          <option value="">{t('admin.all')}</option>
          {event.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {name(g.name)}
            </option>
          ))}
        </select>
      </label>
    </div>
  )

  return (
    <section className="admin-section admin-exports" data-testid="exports">
      <h2>{t('admin.exports.register')}</h2>
      <p className="admin-help">{t('admin.exports.registerHelp')}</p>
      {pickers}
      <label>
        {t('admin.exports.language')}
        <select value={lang} onChange={(e) => setLang(e.target.value)} data-testid="export-lang">
          <option value="sw">Kiswahili</option>
          <option value="en">English</option>
        </select>
      </label>
      <div className="admin-actions">
        <button type="button" disabled={busy} data-testid="export-register-csv" onClick={() => void get(exportPaths.register('csv', day, group, lang))}>
          {t('admin.exports.csv')}
        </button>
        <button type="button" disabled={busy} data-testid="export-register-pdf" onClick={() => void get(exportPaths.register('pdf', day, group, lang))}>
          {t('admin.exports.pdf')}
        </button>
      </div>

      <h2>{t('admin.exports.log')}</h2>
      <p className="admin-help">{t('admin.exports.logHelp')}</p>
      <button type="button" disabled={busy} data-testid="export-checkins" onClick={() => void get(exportPaths.checkins())}>
        {t('admin.exports.csv')}
      </button>

      <h2>{t('admin.exports.summary')}</h2>
      <p className="admin-help">{t('admin.exports.summaryHelp')}</p>
      <button type="button" disabled={busy} data-testid="export-summary" onClick={() => void get(exportPaths.summary())}>
        {t('admin.exports.pdf')}
      </button>

      <h2>{t('admin.exports.badges')}</h2>
      {pickers}
      <label>
        <input type="checkbox" checked={notPrinted} onChange={(e) => setNotPrinted(e.target.checked)} data-testid="badges-not-printed" />
        {t('admin.exports.notPrinted')}
      </label>
      <label>
        {t('admin.exports.layout')}
        <select value={layout} onChange={(e) => setLayout(e.target.value === 'single' ? 'single' : 'sheet')} data-testid="badges-layout">
          <option value="sheet">{t('admin.exports.sheet')}</option>
          <option value="single">{t('admin.exports.single')}</option>
        </select>
      </label>
      <button type="button" disabled={busy} data-testid="export-badges" onClick={() => void get(exportPaths.badges({ group, day, notPrinted, layout }))}>
        {t('admin.exports.download')}
      </button>
      {busy && <p>{t('admin.working')}</p>}
      <ErrorNote error={error} />
    </section>
  )
}
