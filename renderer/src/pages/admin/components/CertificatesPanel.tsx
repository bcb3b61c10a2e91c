// Certificates of attendance on the admin page: who signs, how many days, the logo (checked for
// size here, validated again by the hub), one attendee's certificate or a group's in one PDF.
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { exportPaths, fileToBase64, MAX_LOGO_BYTES, type CertificateSettings, type CertificateSettingsInput } from '../../../api/admin'
import type { EventInfo } from '../../../../../shared/domain'
import { useAction, useAdmin } from '../context'
import { ErrorNote, FilePicker, GroupSelect } from './common'

interface Props {
  event: EventInfo
  busy: boolean
  onDownload(path: string): Promise<unknown>
}

export function CertificatesPanel({ event, busy: downloading, onDownload }: Props) {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const { busy, error, run } = useAction()
  const [settings, setSettings] = useState<CertificateSettings | null>(null)
  const [form, setForm] = useState<CertificateSettingsInput>({
    signatoryName: '',
    signatoryTitle: '',
    organiser: '',
    minDays: 1,
    verifyBaseUrl: '',
  })
  const [eligible, setEligible] = useState(0)
  const [group, setGroup] = useState('')
  const [attendeeId, setAttendeeId] = useState('')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState('')
  const x = (key: string, o?: Record<string, unknown>) => t(`admin.exports.${key}`, o)

  const load = () =>
    run(async () => {
      const answer = await api.certificateSettings()
      setSettings(answer.settings)
      setEligible(answer.eligible)
      const { signatoryName, signatoryTitle, organiser, minDays, verifyBaseUrl } = answer.settings
      setForm({ signatoryName, signatoryTitle, organiser, minDays, verifyBaseUrl })
    })
  useEffect(() => {
    void load()
    // load once; it is re-run after each save
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api])

  const save = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      await api.saveCertificateSettings(form)
      setNote(t('admin.saved'))
      await load()
    })
  }
  const upload = (file: File | undefined) => {
    setNote('')
    setProblem('')
    if (!file) return
    if (file.size > MAX_LOGO_BYTES) return setProblem(x('logoTooLarge'))
    void run(async () => {
      setSettings((await api.uploadLogo(await fileToBase64(file))).settings)
    })
  }
  const set = (patch: Partial<CertificateSettingsInput>) => setForm((f) => ({ ...f, ...patch }))
  const working = busy || downloading

  return (
    <>
      <h2>{x('certificates')}</h2>
      <p className="admin-help">{x('certificatesIntro')}</p>
      <form className="admin-form admin-section" onSubmit={save} data-testid="certificate-settings">
        <label>
          {x('signatoryName')}
          <input
            value={form.signatoryName}
            maxLength={100}
            onChange={(e) => set({ signatoryName: e.target.value })}
            data-testid="cert-signatory-name"
          />
        </label>
        <label>
          {x('signatoryTitle')}
          <input
            value={form.signatoryTitle}
            maxLength={150}
            onChange={(e) => set({ signatoryTitle: e.target.value })}
            data-testid="cert-signatory-title"
          />
        </label>
        <label>
          {x('organiser')}
          <input value={form.organiser} maxLength={200} onChange={(e) => set({ organiser: e.target.value })} data-testid="cert-organiser" />
        </label>
        <label>
          {x('minDays')}
          <input
            type="number"
            min={1}
            max={event.days.length}
            value={form.minDays}
            onChange={(e) => set({ minDays: Math.max(1, Number(e.target.value) || 1) })}
            data-testid="cert-min-days"
          />
        </label>
        <label>
          {x('verifyBaseUrl')}
          <input
            type="url"
            value={form.verifyBaseUrl}
            maxLength={200}
            onChange={(e) => set({ verifyBaseUrl: e.target.value })}
            data-testid="cert-verify-url"
          />
        </label>
        <div>
          <button type="submit" disabled={working} data-testid="cert-save">
            {t('admin.save')}
          </button>
        </div>
      </form>
      <p className="admin-label" data-testid="cert-eligible">
        {x('eligible', { count: eligible })}
      </p>
      <div className="admin-file">
        <p className="admin-field-label">{x('logo')}</p>
        <FilePicker
          accept="image/png,image/jpeg"
          disabled={working}
          testId="cert-logo"
          label={t('admin.chooseFile')}
          onFile={(f) => upload(f)}
        />
      </div>
      <p className="admin-label" data-testid="cert-logo-status">
        {settings?.logo
          ? x('logoNow', { width: settings.logo.width, height: settings.logo.height, kb: Math.ceil(settings.logo.bytes / 1024) })
          : x('logoNone')}
        {settings?.logo && (
          <>
            {' '}
            <button
              type="button"
              disabled={working}
              onClick={() => void run(async () => setSettings((await api.removeLogo()).settings))}
              data-testid="cert-logo-remove"
            >
              {x('removeLogo')}
            </button>
          </>
        )}
      </p>
      <div className="admin-pickers">
        <GroupSelect label={x('certificatesGroup')} event={event} value={group} onChange={setGroup} testId="cert-group" />
      </div>
      <div className="admin-actions">
        <button
          type="button"
          disabled={working || eligible === 0}
          data-testid="cert-bulk"
          onClick={() => void onDownload(exportPaths.certificates(group))}
        >
          {x('downloadPdf')}
        </button>
      </div>
      <div className="admin-pickers">
        <label>
          {x('attendeeId')}
          <input value={attendeeId} maxLength={64} onChange={(e) => setAttendeeId(e.target.value.trim())} data-testid="cert-attendee" />
        </label>
      </div>
      <div className="admin-actions">
        <button
          type="button"
          disabled={working || !attendeeId}
          data-testid="cert-one"
          onClick={() => void onDownload(exportPaths.certificate(attendeeId))}
        >
          {x('oneCertificate')}
        </button>
      </div>
      {note && <p className="admin-ok">{note}</p>}
      {problem && (
        <p className="admin-error" role="alert" data-testid="cert-logo-problem">
          {problem}
        </p>
      )}
      <ErrorNote error={error} testId="cert-error" />
    </>
  )
}
