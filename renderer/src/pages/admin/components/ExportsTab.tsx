// Reports: the attendance register (PDF, XLSX, CSV) for a day, group or institution, the full
// check-in log, the summary report, certificates of attendance and badges in bulk. Downloads
// go through fetch, since they need the bearer header. In every section the first button is
// the one primary action (green, .admin-actions); the others are plain.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { exportPaths, REGISTER_COLUMNS, saveFile, type RegisterChoice, type RegisterColumn } from '../../../api/admin'
import type { EventInfo } from '../../../../../shared/domain'
import { useAction, useAdmin, useLang } from '../context'
import { CertificatesPanel } from './CertificatesPanel'
import { ErrorNote, GroupSelect } from './common'

const COLUMN_LABEL: Record<RegisterColumn, string> = {
  phone: 'colPhone',
  category: 'colCategory',
  group: 'colGroup',
  desk: 'colDesk',
  time: 'colTime',
}

export function ExportsTab() {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const { lang: pageLang, name } = useLang()
  const { busy, error, run } = useAction()
  const [event, setEvent] = useState<EventInfo | null>(null)
  const [institutions, setInstitutions] = useState<string[]>([])
  const [choice, setChoice] = useState<RegisterChoice>({
    day: '',
    group: '',
    institution: '',
    sort: 'surname',
    columns: [],
    orientation: 'auto',
    blank: false,
    lang: pageLang,
    officerName: '',
    officerTitle: '',
  })
  const [notPrinted, setNotPrinted] = useState(true)
  const [layout, setLayout] = useState<'single' | 'sheet'>('sheet')
  const set = (patch: Partial<RegisterChoice>) => setChoice((c) => ({ ...c, ...patch }))

  useEffect(() => {
    void run(async () => {
      const answer = await api.getEvent()
      setEvent(answer.event)
      setChoice((c) => ({ ...c, day: answer.event.days[0]?.id ?? '' }))
      setInstitutions((await api.institutions()).institutions)
    })
  }, [api, run])

  const get = (path: string) => run(async () => saveFile(await api.download(path)))
  if (!event) return <ErrorNote error={error} />
  const x = (key: string) => t(`admin.exports.${key}`)

  const dayAndGroup = (
    <>
      <label>
        {x('day')}
        <select value={choice.day} onChange={(e) => set({ day: e.target.value })} data-testid="export-day">
          {event.days.map((d) => (
            <option key={d.id} value={d.id}>
              {name(d.name)} ({d.date.split('-').reverse().join('/')})
            </option>
          ))}
        </select>
      </label>
      <GroupSelect label={x('group')} event={event} value={choice.group} onChange={(group) => set({ group })} testId="export-group" />
    </>
  )

  return (
    <section className="admin-section admin-exports" data-testid="exports">
      <h2>{x('registerTitle')}</h2>
      <p className="admin-help">{x('registerIntro')}</p>
      <div className="admin-pickers">
        {dayAndGroup}
        <label>
          {x('institution')}
          <select value={choice.institution} onChange={(e) => set({ institution: e.target.value })} data-testid="export-institution">
            <option value="">{x('allInstitutions')}</option>
            {institutions.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </label>
        <label>
          {x('sort')}
          <select
            value={choice.sort}
            onChange={(e) => set({ sort: e.target.value === 'institution' ? 'institution' : 'surname' })}
            data-testid="export-sort"
          >
            <option value="surname">{x('sortSurname')}</option>
            <option value="institution">{x('sortInstitution')}</option>
          </select>
        </label>
        <label>
          {x('orientation')}
          <select
            value={choice.orientation}
            onChange={(e) => set({ orientation: e.target.value as RegisterChoice['orientation'] })}
            data-testid="export-orientation"
          >
            <option value="auto">{x('orientationAuto')}</option>
            <option value="portrait">{x('portrait')}</option>
            <option value="landscape">{x('landscape')}</option>
          </select>
        </label>
      </div>
      <fieldset className="admin-days" data-testid="export-columns">
        <legend>{x('columns')}</legend>
        {REGISTER_COLUMNS.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={choice.columns.includes(c)}
              onChange={(e) => set({ columns: e.target.checked ? [...choice.columns, c] : choice.columns.filter((k) => k !== c) })}
            />{' '}
            {x(COLUMN_LABEL[c])}
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" checked={choice.blank} onChange={(e) => set({ blank: e.target.checked })} data-testid="export-blank" />{' '}
        {x('blank')}
      </label>
      <div className="admin-pickers">
        <label>
          {x('officerName')}
          <input
            value={choice.officerName}
            maxLength={200}
            onChange={(e) => set({ officerName: e.target.value })}
            data-testid="export-officer-name"
          />
        </label>
        <label>
          {x('officerTitle')}
          <input
            value={choice.officerTitle}
            maxLength={200}
            onChange={(e) => set({ officerTitle: e.target.value })}
            data-testid="export-officer-title"
          />
        </label>
        <label>
          {x('sheetLanguage')}
          <select value={choice.lang} onChange={(e) => set({ lang: e.target.value })} data-testid="export-lang">
            <option value="sw">Kiswahili</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <div className="admin-actions">
        <button
          type="button"
          disabled={busy || !choice.day}
          data-testid="export-register-pdf"
          onClick={() => void get(exportPaths.register('pdf', choice))}
        >
          {x('downloadPdf')}
        </button>
        <button
          type="button"
          disabled={busy || !choice.day}
          data-testid="export-register-xlsx"
          onClick={() => void get(exportPaths.register('xlsx', choice))}
        >
          {x('downloadXlsx')}
        </button>
        <button
          type="button"
          disabled={busy || !choice.day}
          data-testid="export-register-csv"
          onClick={() => void get(exportPaths.register('csv', choice))}
        >
          {x('downloadCsv')}
        </button>
      </div>

      <h2>{x('summaryTitle')}</h2>
      <p className="admin-help">{x('summaryIntro')}</p>
      <div className="admin-actions">
        <button type="button" disabled={busy} data-testid="export-summary" onClick={() => void get(exportPaths.summary('pdf'))}>
          {x('downloadPdf')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="export-summary-xlsx"
          onClick={() => void get(exportPaths.summary('xlsx', choice.lang))}
        >
          {x('downloadXlsx')}
        </button>
      </div>

      <h2>{x('logTitle')}</h2>
      <p className="admin-help">{x('logIntro')}</p>
      <div className="admin-actions">
        <button
          type="button"
          disabled={busy}
          data-testid="export-checkins-xlsx"
          onClick={() => void get(exportPaths.checkins('xlsx', choice.lang))}
        >
          {x('downloadXlsx')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="export-checkins"
          onClick={() => void get(exportPaths.checkins('csv', choice.lang))}
        >
          {x('downloadCsv')}
        </button>
      </div>

      <CertificatesPanel event={event} onDownload={get} busy={busy} />

      <h2>{x('badgesTitle')}</h2>
      <div className="admin-pickers">{dayAndGroup}</div>
      <label>
        <input type="checkbox" checked={notPrinted} onChange={(e) => setNotPrinted(e.target.checked)} data-testid="badges-not-printed" />{' '}
        {x('notPrinted')}
      </label>
      <label>
        {x('layout')}
        <select value={layout} onChange={(e) => setLayout(e.target.value === 'single' ? 'single' : 'sheet')} data-testid="badges-layout">
          <option value="sheet">{x('sheet')}</option>
          <option value="single">{x('single')}</option>
        </select>
      </label>
      <div className="admin-actions">
        <button
          type="button"
          disabled={busy}
          data-testid="export-badges"
          onClick={() => void get(exportPaths.badges({ group: choice.group, day: choice.day, notPrinted, layout }))}
        >
          {x('downloadPdf')}
        </button>
      </div>
      {busy && <p>{t('admin.working')}</p>}
      <ErrorNote error={error} />
    </section>
  )
}
