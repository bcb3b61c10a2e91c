// Which printer each desk prints badges on through the hub's CUPS, and on which stock. Set by
// the organiser on the admin page; kept in its own append-only log beside the check-ins (the
// last entry for a desk wins), so several hubs sharing one database agree on it.
import { z } from 'zod'
import type { BadgeStockId } from '../../shared/badges/badge-stock.js'
import type { AppendLog, StoreBackend } from '../store/backend.js'
import { DeskPrinterInput } from '../../shared/http/badges.js'

export { DeskPrinterInput }

export const DeskPrinter = DeskPrinterInput.extend({ deskId: z.string().min(1).max(64), at: z.string(), by: z.string() })
export type DeskPrinter = z.infer<typeof DeskPrinter>

export class DeskPrinters {
  private byDesk = new Map<string, DeskPrinter>()

  private constructor(private entries: AppendLog<DeskPrinter>) {}

  static async open(backend: StoreBackend): Promise<DeskPrinters> {
    const { log, records } = await backend.openLog('desk-printers', (v) => DeskPrinter.parse(v))
    const printers = new DeskPrinters(log)
    for (const r of records) printers.byDesk.set(r.deskId, r)
    log.onRemote((rs) => rs.forEach((r) => printers.byDesk.set(r.deskId, r)))
    return printers
  }

  get(deskId: string | null): DeskPrinter | null {
    return deskId === null ? null : (this.byDesk.get(deskId) ?? null)
  }

  /** The stock a desk prints on: its setting, or the CR80 card every desk printed before stocks existed. */
  stockOf(deskId: string | null): BadgeStockId {
    return this.get(deskId)?.stock ?? 'cr80'
  }

  all(): DeskPrinter[] {
    return [...this.byDesk.values()]
  }

  async set(entry: DeskPrinter): Promise<void> {
    this.byDesk.set(entry.deskId, entry)
    await this.entries.append([entry])
  }

  close(): Promise<void> {
    return this.entries.close()
  }
}
