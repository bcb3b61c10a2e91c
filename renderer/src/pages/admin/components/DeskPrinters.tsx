// Each desk's badge printer on the hub (a CUPS queue) and the stock loaded in it: a Zebra with
// 4 × 3 in labels, a Brother with its 62 mm roll, a card printer… Badges printed for that desk
// are laid out for that stock and sent at its size.
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BADGE_STOCKS, STOCKS, type BadgeStockId } from '../../../../../shared/badges/badge-stock'
import type { Desk } from '../../../../../shared/domain'
import { PRINTER_STATE_LABEL, type PrinterHealth } from '../../../../../shared/badges/printer-health'
import { useAction, useAdmin, useLang } from '../context'
import { ErrorNote } from './common'

// the hub checks the same rule (hub/badges/cups.ts PRINTER_NAME)
const QUEUE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.@+-]{0,126}$/

export function DeskPrinters() {
  const { t } = useTranslation()
  const { api } = useAdmin()
  const { busy, error, run } = useAction()
  const { name } = useLang()
  const [desks, setDesks] = useState<Desk[]>([])
  const [settings, setSettings] = useState<Record<string, { printer: string; stock: BadgeStockId }>>({})
  const [saved, setSaved] = useState<string | null>(null)
  const [health, setHealth] = useState<Record<string, PrinterHealth | null>>({})

  const load = useCallback(
    () =>
      run(async () => {
        const [event, printers] = await Promise.all([api.getEvent(), api.deskPrinters()])
        setDesks(event.event.desks)
        setSettings(Object.fromEntries(printers.desks.map((d) => [d.deskId, { printer: d.printer ?? '', stock: d.stock }])))
        setHealth(Object.fromEntries(printers.desks.map((d) => [d.deskId, d.health ?? null])))
      }),
    [api, run],
  )
  useEffect(() => void load(), [load])

  const of = (deskId: string) => settings[deskId] ?? { printer: '', stock: 'cr80' as BadgeStockId }
  const change = (deskId: string, patch: Partial<{ printer: string; stock: BadgeStockId }>) => {
    setSaved(null)
    setSettings((s) => ({ ...s, [deskId]: { ...of(deskId), ...patch } }))
  }
  const save = (deskId: string) =>
    run(async () => {
      const s = of(deskId)
      await api.setDeskPrinter(deskId, { printer: s.printer.trim() === '' ? null : s.printer.trim(), stock: s.stock })
      setSaved(deskId)
      const printers = await api.deskPrinters()
      setHealth(Object.fromEntries(printers.desks.map((d) => [d.deskId, d.health ?? null])))
    })

  if (desks.length === 0) return null
  return (
    <div data-testid="desk-printers">
      <h2>{t('admin.kiosks.printers')}</h2>
      <p className="admin-help">{t('admin.kiosks.printersHelp')}</p>
      <ErrorNote error={error} />
      <div className="admin-table-wrap">
        <table className="admin-table admin-desk-printers">
          <thead>
            <tr>
              <th>{t('admin.kiosks.desk')}</th>
              <th>{t('admin.kiosks.printer')}</th>
              <th>{t('admin.kiosks.stock')}</th>
              <th>{t('admin.kiosks.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {desks.map((d) => {
              const s = of(d.id)
              const valid = s.printer.trim() === '' || QUEUE_NAME.test(s.printer.trim())
              return (
                <tr key={d.id} data-testid={`desk-printer-${d.id}`}>
                  <td>{name(d.name)}</td>
                  <td>
                    <input
                      value={s.printer}
                      aria-label={`${t('admin.kiosks.printer')}: ${name(d.name)}`}
                      aria-invalid={!valid}
                      placeholder={t('admin.kiosks.printerNone')}
                      style={{ maxWidth: '16rem' }}
                      onChange={(e) => change(d.id, { printer: e.target.value })}
                      data-testid={`desk-printer-queue-${d.id}`}
                    />
                    {!valid && (
                      <span className="admin-error" role="alert" style={{ display: 'block' }}>
                        {t('admin.kiosks.printerInvalid')}
                      </span>
                    )}
                  </td>
                  <td>
                    <select
                      value={s.stock}
                      aria-label={`${t('admin.kiosks.stock')}: ${name(d.name)}`}
                      onChange={(e) => change(d.id, { stock: e.target.value as BadgeStockId })}
                      data-testid={`desk-printer-stock-${d.id}`}
                    >
                      {BADGE_STOCKS.map((id) => (
                        <option key={id} value={id}>
                          {name(STOCKS[id].name)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td data-testid={`desk-printer-health-${d.id}`}>
                    {health[d.id] ? (
                      <span className={health[d.id]!.state === 'ready' ? undefined : 'admin-error'}>
                        {name(PRINTER_STATE_LABEL[health[d.id]!.state])}
                      </span>
                    ) : (
                      <span className="admin-label">{t('admin.kiosks.printerNone')}</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      style={{ whiteSpace: 'nowrap' }}
                      disabled={busy || !valid}
                      onClick={() => void save(d.id)}
                      data-testid={`desk-printer-save-${d.id}`}
                    >
                      {t('admin.kiosks.printerSave')}
                    </button>
                    {saved === d.id && <span className="admin-label"> {t('admin.kiosks.printerSaved')}</span>}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}
