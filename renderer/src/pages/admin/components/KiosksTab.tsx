// Kiosks: make a pairing code (shown large and as a QR the kiosk scans), see every paired
// kiosk with its live status (refreshed by itself), its desk by name and its clock, revoke one.
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AdminKiosk } from '../../../api/admin'
import { CLOCK_OFFSET_WARN_MS, formatOffset } from '../../../../../shared/clock-offset'
import type { Desk } from '../../../../../shared/domain'
import { useAction, useAdmin, useLang } from '../context'
import { clockTime, dateTime, ErrorNote, FilePicker } from './common'

/** How often the list asks the hub again while the tab is open. */
const REFRESH_MS = 10_000
import { QrImage } from './QrImage'
import { DeskPrinters } from './DeskPrinters'

export function KiosksTab() {
  return (
    <section className="admin-section" data-testid="kiosks">
      <Pairing />
      <PairingFailures />
      <KioskList />
      <DeskPrinters />
    </section>
  )
}

function Pairing() {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const { busy, error, run } = useAction()
  const [origins, setOrigins] = useState<string[]>([window.location.origin])
  const [origin, setOrigin] = useState(window.location.origin)
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null)

  useEffect(() => {
    void run(async () => {
      const answer = await api.kiosks()
      setOrigins(answer.origins)
      // a kiosk cannot reach 127.0.0.1 of this laptop: prefer a LAN address when there is one
      const lan = answer.origins.find((o) => !/\/\/(127\.|localhost)/.test(o))
      setOrigin(lan ?? answer.origins[0] ?? window.location.origin)
    })
  }, [api, run])

  const make = () => run(async () => setCode(await api.pairingCode()))

  return (
    <div className="admin-pairing">
      <h2>{t('admin.kiosks.pairTitle')}</h2>
      <p className="admin-help">{t('admin.kiosks.pairHelp')}</p>
      <label>
        {t('admin.kiosks.hubAddress')}
        <select value={origin} data-testid="pairing-origin" onChange={(e) => setOrigin(e.target.value)}>
          {origins.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy} onClick={() => void make()} data-testid="pairing-new">
        {t('admin.kiosks.newCode')}
      </button>
      <ErrorNote error={error} />
      {code && (
        <div className="admin-code" data-testid="pairing">
          <QrImage text={JSON.stringify({ hub: origin, code: code.code })} size={260} label={t('admin.kiosks.code')} testId="pairing-qr" />
          <div>
            <span className="admin-label">{t('admin.kiosks.code')}</span>
            <strong className="admin-code-text" data-testid="pairing-code">
              {code.code}
            </strong>
            <span className="admin-label">{t('admin.kiosks.expires', { time: clockTime(code.expiresAt) })}</span>
          </div>
        </div>
      )}
    </div>
  )
}

/** The latest wrong pairing codes (hub/kiosks/pairing-guard.ts), so guessing is seen, not only slowed. */
function PairingFailures() {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const [answer, setAnswer] = useState<{ failures: { at: string; address: string }[]; limited: number } | null>(null)
  useEffect(() => {
    const load = () => void api.pairingFailures().then(setAnswer, () => undefined)
    load()
    const timer = setInterval(load, REFRESH_MS)
    return () => clearInterval(timer)
  }, [api])
  if (!answer) return null
  return (
    <div className="admin-pairing-failures" data-testid="pairing-failures">
      <h3>{t('admin.kiosks.failuresTitle')}</h3>
      <p className="admin-help">{t('admin.kiosks.failuresHelp')}</p>
      {answer.failures.length === 0 ? (
        <p className="admin-help">{t('admin.kiosks.failuresNone')}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('admin.kiosks.failureAt')}</th>
              <th>{t('admin.kiosks.failureAddress')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.failures.map((f, i) => (
              <tr key={i}>
                <td>{dateTime(f.at)}</td>
                <td>{f.address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {answer.limited > 0 && <p className="admin-help admin-error">{t('admin.kiosks.failuresLimited', { count: answer.limited })}</p>}
    </div>
  )
}

function KioskList() {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const { busy, error, run } = useAction()
  const { name } = useLang()
  const [kiosks, setKiosks] = useState<AdminKiosk[] | null>(null)
  const [desks, setDesks] = useState<Desk[]>([])

  const load = useCallback(() => run(async () => setKiosks((await api.kiosks()).kiosks)), [api, run])
  useEffect(() => {
    void load()
    void api.getEvent().then(
      (e) => setDesks(e.event.desks),
      () => undefined,
    )
    const timer = setInterval(
      () =>
        void api.kiosks().then(
          (a) => setKiosks(a.kiosks),
          () => undefined,
        ),
      REFRESH_MS,
    )
    return () => clearInterval(timer)
  }, [load, api])
  const deskName = (id: string | null) => {
    const desk = desks.find((d) => d.id === id)
    return desk ? name(desk.name) : (id ?? t('admin.none'))
  }

  const revoke = (k: AdminKiosk) => {
    if (!window.confirm(t('admin.kiosks.revokeConfirm', { name: k.name }))) return
    void run(async () => {
      await api.revokeKiosk(k.kioskId)
      setKiosks((await api.kiosks()).kiosks)
    })
  }

  const [imported, setImported] = useState<{ added: number; duplicates: number } | null>(null)
  const importOutbox = (file: File | undefined) => {
    if (!file) return
    void run(async () => {
      let parsed: unknown
      try {
        parsed = JSON.parse(await file.text())
      } catch {
        parsed = null // the hub answers invalid_payload, in both languages on screen
      }
      setImported(await api.importOutbox(parsed))
      setKiosks((await api.kiosks()).kiosks)
    })
  }
  // with several hubs, which one each kiosk is on now (a lone hub has nothing to say here)
  const severalHubs = !!kiosks?.some((k) => k.hub)

  return (
    <div>
      <h2>
        {t('admin.kiosks.list')}{' '}
        <button type="button" onClick={() => void load()} disabled={busy} data-testid="kiosks-refresh">
          {t('admin.refresh')}
        </button>
      </h2>
      <ErrorNote error={error} />
      <div className="admin-outbox">
        <p className="admin-help">{t('admin.kiosks.importOutbox')}</p>
        <FilePicker
          accept=".json,application/json"
          testId="outbox-import"
          disabled={busy}
          label={t('admin.chooseFile')}
          onFile={(f) => importOutbox(f)}
        />
      </div>
      {imported && (
        <p className="admin-help" role="status" data-testid="outbox-imported">
          {t('admin.kiosks.imported', imported)}
        </p>
      )}
      {kiosks && kiosks.length === 0 && <p className="admin-help">{t('admin.kiosks.none')}</p>}
      {kiosks && kiosks.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="kiosk-list">
            <thead>
              <tr>
                <th>{t('admin.kiosks.name')}</th>
                <th>{t('admin.kiosks.desk')}</th>
                <th>{t('admin.kiosks.status')}</th>
                <th>{t('admin.kiosks.lastSeen')}</th>
                {severalHubs && <th>{t('admin.kiosks.hub')}</th>}
                <th className="num">{t('admin.kiosks.outbox')}</th>
                <th className="num">{t('admin.kiosks.clock')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {kiosks.map((k) => {
                const status = k.revoked ? 'revoked' : k.online ? 'online' : 'offline'
                return (
                  <tr key={k.kioskId} data-kiosk-id={k.kioskId} data-status={status}>
                    <td>{k.name}</td>
                    <td>{deskName(k.deskId)}</td>
                    <td className={`admin-status admin-status-${status}`}>{t(`admin.kiosks.${status}`)}</td>
                    <td>{k.lastSeen ? clockTime(k.lastSeen) : t('admin.none')}</td>
                    {severalHubs && <td data-testid={`kiosk-hub-${k.kioskId}`}>{k.hub ?? t('admin.none')}</td>}
                    <td className="num">{k.outboxDepth}</td>
                    <td
                      className={`num${Math.abs(k.clockOffsetMs) > CLOCK_OFFSET_WARN_MS ? ' admin-error' : ''}`}
                      title={Math.abs(k.clockOffsetMs) > CLOCK_OFFSET_WARN_MS ? t('admin.kiosks.clockWarn') : undefined}
                    >
                      {formatOffset(k.clockOffsetMs)}
                    </td>
                    <td>
                      {!k.revoked && (
                        <button
                          type="button"
                          className="admin-danger"
                          disabled={busy}
                          onClick={() => revoke(k)}
                          data-testid={`kiosk-revoke-${k.kioskId}`}
                        >
                          {t('admin.kiosks.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
