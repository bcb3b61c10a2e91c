// Credentials: usher keys with a QR of their dashboard link, the admin key (changed here, shown
// once), and the PIN that lets a desk officer leave kiosk mode.
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { UsherCredential } from '../../../api/admin'
import { useAction, useAdmin } from '../context'
import { dateTime, ErrorNote } from './common'
import { QrImage } from './QrImage'

export function CredentialsTab() {
  return (
    <section className="admin-section" data-testid="credentials">
      <Ushers />
      <AdminCredential />
      <ExitPin />
    </section>
  )
}

function Ushers() {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const { busy, error, run } = useAction()
  const [ushers, setUshers] = useState<UsherCredential[]>([])
  const [origins, setOrigins] = useState<string[]>([window.location.origin])
  const [origin, setOrigin] = useState(window.location.origin)
  const [label, setLabel] = useState('')

  const load = useCallback(
    () =>
      run(async () => {
        const answer = await api.credentials()
        setUshers(answer.ushers)
        setOrigins(answer.origins)
        // a phone cannot open 127.0.0.1 of this laptop: prefer a LAN address when there is one
        const lan = answer.origins.find((o) => !/\/\/(127\.|localhost)/.test(o))
        setOrigin((o) => (o !== window.location.origin && answer.origins.includes(o) ? o : (lan ?? answer.origins[0] ?? o)))
      }),
    [api, run],
  )
  useEffect(() => {
    void load()
  }, [load])

  const add = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      await api.addUsher(label.trim())
      setLabel('')
      setUshers((await api.credentials()).ushers)
    })
  }
  const revoke = (u: UsherCredential) => {
    if (!window.confirm(t('admin.credentials.revokeConfirm', { label: u.label }))) return
    void run(async () => {
      await api.revokeUsher(u.id)
      setUshers((await api.credentials()).ushers)
    })
  }

  return (
    <div data-testid="ushers">
      <h2>{t('admin.credentials.ushers')}</h2>
      <p className="admin-help">{t('admin.credentials.ushersHelp')}</p>
      <label className="admin-ushers-origin">
        {t('admin.credentials.address')}
        <select value={origin} onChange={(e) => setOrigin(e.target.value)} data-testid="usher-origin">
          {origins.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </label>
      <ul className="admin-ushers">
        {ushers.map((u) => (
          <li key={u.id} data-usher-id={u.id} data-revoked={u.revoked}>
            <strong>{u.label}</strong>{' '}
            <span className="admin-label">
              {t('admin.credentials.created')}: {dateTime(u.createdAt)}
            </span>
            {u.revoked ? (
              <span className="admin-status admin-status-revoked"> {t('admin.credentials.revoked')}</span>
            ) : (
              <>
                {u.path && <QrImage text={`${origin}${u.path}`} size={160} label={u.label} testId={`usher-qr-${u.id}`} />}
                {u.path && <code className="admin-link">{`${origin}${u.path}`}</code>}
                <button type="button" disabled={busy} onClick={() => revoke(u)} data-testid={`usher-revoke-${u.id}`}>
                  {t('admin.credentials.revoke')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="admin-inline">
        <label>
          {t('admin.credentials.label')}
          <input value={label} required maxLength={60} onChange={(e) => setLabel(e.target.value)} data-testid="usher-label" />
        </label>
        <button type="submit" disabled={busy} data-testid="usher-add">
          {t('admin.credentials.addUsher')}
        </button>
      </form>
      <ErrorNote error={error} />
    </div>
  )
}

function AdminCredential() {
  const { t } = useTranslation()
  const { api, tokenChanged } = useAdmin()
  const { busy, error, run } = useAction()
  const [fresh, setFresh] = useState<string | null>(null)

  const change = () => {
    if (!window.confirm(t('admin.credentials.changeConfirm'))) return
    void run(async () => {
      const { token } = await api.changeAdminCredential()
      setFresh(token)
      tokenChanged(token)
    })
  }
  return (
    <div data-testid="admin-credential">
      <h2>{t('admin.credentials.admin')}</h2>
      <p className="admin-help">{t('admin.credentials.adminHelp')}</p>
      <button type="button" disabled={busy} onClick={change} data-testid="admin-change">
        {t('admin.credentials.changeAdmin')}
      </button>
      {fresh && (
        <p className="admin-ok" role="status">
          {t('admin.credentials.newAdmin')} <code data-testid="admin-new-token">{fresh}</code>
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  )
}

function ExitPin() {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const { busy, error, run } = useAction()
  const [pin, setPin] = useState('')
  const [state, setState] = useState<'idle' | 'bad' | 'set'>('idle')

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!/^\d{4,12}$/.test(pin)) return setState('bad')
    void run(async () => {
      await api.setKioskExitPin(pin)
      setPin('')
      setState('set')
    })
  }
  return (
    <div className="admin-pin" data-testid="exit-pin">
      <h2>{t('admin.credentials.pin')}</h2>
      <p className="admin-help">{t('admin.credentials.pinHelp')}</p>
      <form onSubmit={submit} className="admin-inline">
        <label>
          {t('admin.credentials.pin')}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            maxLength={12}
            onChange={(e) => {
              setPin(e.target.value)
              setState('idle')
            }}
            data-testid="exit-pin-input"
          />
        </label>
        <button type="submit" disabled={busy} data-testid="exit-pin-submit">
          {t('admin.credentials.setPin')}
        </button>
      </form>
      {state === 'bad' && (
        <p className="admin-error" role="alert">
          {t('admin.credentials.pinBad')}
        </p>
      )}
      {state === 'set' && (
        <p className="admin-ok" role="status" data-testid="exit-pin-set">
          {t('admin.credentials.pinSet')}
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  )
}
