// Delivering the outbox: batches until every record is acknowledged, backing off while the
// hub does not answer. Socket.IO's own send buffer dies with the process, so the outbox on
// disk (kiosk-records.ts) is what guarantees delivery; a resent id is the hub's to ignore.
import type { CheckinSubmission } from '../shared/domain.js'
import { MAX_BATCH } from '../shared/protocol.js'
import type { HubSocket } from './hub-connection.js'
import type { Kiosk } from './kiosk.js'

export class OutboxDrain {
  private draining = false
  private drainAgain = false
  private retryTimer: NodeJS.Timeout | null = null
  /** previous kiosk ids this hub would not take records for, until the next connection */
  private refusedIds = new Set<string>()

  constructor(
    private kiosk: Kiosk,
    private socket: () => HubSocket | null,
    private ackTimeout: number,
    private log: (message: string) => void,
  ) {}

  /** A new connection (perhaps another hub) may take what the last one refused. */
  reset() {
    this.refusedIds.clear()
  }

  /**
   * The next batch: one kiosk id per batch, this identity's own records first, so records the
   * hub will not take (made under an identity it cannot confirm) never hold new scans back.
   * Those stay in the outbox, for the USB export.
   */
  private nextBatch(): CheckinSubmission[] {
    const current = this.kiosk.data.pairing?.kioskId
    const sendable = new Set(
      [current, ...this.kiosk.data.previous.map((p) => p.kioskId)].filter((id) => id !== undefined && !this.refusedIds.has(id)),
    )
    const all = [...this.kiosk.records.outbox.values()].filter((s) => sendable.has(s.kioskId))
    const own = all.filter((s) => s.kioskId === current)
    const first = own.length > 0 ? own : all.filter((s) => s.kioskId === all[0]?.kioskId)
    return first.slice(0, MAX_BATCH)
  }

  /** Sends the outbox in batches until it is empty or the hub stops answering. */
  async drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true
      return
    }
    this.draining = true
    let failures = 0
    try {
      do {
        this.drainAgain = false
        for (
          let batch = this.nextBatch(), socket = this.socket();
          batch.length > 0 && socket?.connected;
          batch = this.nextBatch(), socket = this.socket()
        ) {
          try {
            const res = await socket.timeout(this.ackTimeout).emitWithAck('checkin:submitBatch', batch)
            if (!res.ok && res.error === 'forbidden' && batch[0]!.kioskId !== this.kiosk.data.pairing?.kioskId) {
              this.log(`the hub does not take records made as kiosk ${batch[0]!.kioskId}; they stay for export`)
              this.refusedIds.add(batch[0]!.kioskId)
              continue
            }
            if (!res.ok) throw new Error(res.error)
            await this.kiosk.markDelivered(res.results.map((r: { id: string }) => r.id))
            failures = 0
          } catch (err) {
            failures++
            this.log(`delivery failed (${(err as Error).message}); will retry`)
            if (failures >= 3) {
              this.scheduleRetry(Math.min(15_000, 1000 * 2 ** failures))
              return
            }
          }
        }
      } while (this.drainAgain)
    } finally {
      this.draining = false
    }
  }

  private scheduleRetry(ms: number) {
    if (this.retryTimer) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.drain()
    }, ms)
  }

  stop() {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }
}
