// Walk-in: a few fields → a new attendee with a badge → the badge PDF to print. When the phone
// belongs to someone registered, the desk is told who, and may still register.
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { AdminApiError, exportPaths, saveFile, type WalkIn } from '../../../api/admin'
import type { Attendee, Group } from '../../../../../shared/domain'
import { useAction, useAdmin, useLang } from '../context'
import { ErrorNote } from './common'

const EMPTY: WalkIn = { firstName: '', lastName: '', groupId: '', phone: '', organisation: '', title: '', category: '' }
const TEXT_FIELDS = [
  ['firstName', 'firstName', true],
  ['lastName', 'lastName', true],
  ['phone', 'phone', false],
  ['organisation', 'organisation', false],
  ['title', 'jobTitle', false],
  ['category', 'category', false],
] as const

export function WalkInTab() {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const { name } = useLang()
  const { busy, error, setError, run } = useAction()
  const [groups, setGroups] = useState<Group[]>([])
  const [form, setForm] = useState<WalkIn>(EMPTY)
  const [created, setCreated] = useState<Attendee | null>(null)
  const [duplicate, setDuplicate] = useState(false)

  useEffect(() => {
    void run(async () => {
      const { event } = await api.getEvent()
      setGroups(event.groups)
      setForm((f) => (f.groupId ? f : { ...f, groupId: event.groups[0]?.id ?? '' }))
    })
  }, [api, run])

  const register = (force: boolean) =>
    run(async () => {
      const body: WalkIn = { firstName: form.firstName, lastName: form.lastName, groupId: form.groupId, ...(force ? { force } : {}) }
      for (const f of ['phone', 'organisation', 'title', 'category'] as const) if (form[f]?.trim()) body[f] = form[f]!.trim()
      try {
        const { attendee } = await api.registerWalkIn(body)
        setCreated(attendee)
        setDuplicate(false)
      } catch (err) {
        setDuplicate(err instanceof AdminApiError && err.code === 'duplicate_phone')
        throw err
      }
    })

  const badge = (format: 'cr80' | 'a6') =>
    run(async () => {
      if (created) saveFile(await api.download(exportPaths.badge(created.id, format)))
    })

  if (created) {
    return (
      <section className="admin-section" data-testid="walkin-created" data-attendee-id={created.id} data-seq={created.seq}>
        <p className="admin-ok" role="status">
          {t('admin.walkIn.created', { name: `${created.firstName} ${created.lastName}`, seq: created.seq })}
        </p>
        <div className="admin-actions">
          <button type="button" disabled={busy} data-testid="walkin-badge-cr80" onClick={() => void badge('cr80')}>
            {t('admin.walkIn.badgeCr80')}
          </button>
          <button type="button" disabled={busy} data-testid="walkin-badge-a6" onClick={() => void badge('a6')}>
            {t('admin.walkIn.badgeA6')}
          </button>
          <button
            type="button"
            data-testid="walkin-another"
            onClick={() => {
              setCreated(null)
              setError(null)
              setForm({ ...EMPTY, groupId: form.groupId })
            }}
          >
            {t('admin.walkIn.another')}
          </button>
        </div>
        <ErrorNote error={error} />
      </section>
    )
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    void register(false)
  }
  return (
    <form className="admin-section admin-form" onSubmit={submit} data-testid="walkin-form">
      <h2>{t('admin.walkIn.title')}</h2>
      {TEXT_FIELDS.map(([field, label, required]) => (
        <label key={field}>
          {t(`admin.walkIn.${label}`)}
          <input
            value={form[field] ?? ''}
            required={required}
            maxLength={field === 'organisation' ? 200 : 100}
            type={field === 'phone' ? 'tel' : 'text'}
            data-testid={`walkin-${field}`}
            onChange={(e) => {
              setDuplicate(false)
              setForm({ ...form, [field]: e.target.value })
            }}
          />
        </label>
      ))}
      <label>
        {t('admin.walkIn.group')}
        <select value={form.groupId} required data-testid="walkin-group" onChange={(e) => setForm({ ...form, groupId: e.target.value })}>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {name(g.name)}
            </option>
          ))}
        </select>
      </label>
      <ErrorNote error={error} />
      <div className="admin-actions">
        <button type="submit" disabled={busy} data-testid="walkin-submit">
          {busy ? t('admin.working') : t('admin.walkIn.submit')}
        </button>
        {duplicate && (
          <button type="button" disabled={busy} data-testid="walkin-force" onClick={() => void register(true)}>
            {t('admin.walkIn.anyway')}
          </button>
        )}
      </div>
    </form>
  )
}
