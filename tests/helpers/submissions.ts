import { randomUUID } from 'node:crypto'
import type { CheckinSubmission } from '../../shared/domain.js'

let n = 0
export function submission(kioskId: string, fields: Partial<CheckinSubmission>): CheckinSubmission {
  return {
    id: `t${++n}-${randomUUID().slice(0, 8)}`,
    deskId: 'desk-1',
    kioskId,
    kind: 'in',
    method: 'qr',
    scannedAt: '2026-11-24T08:05:00+03:00',
    clockOffsetMs: 0,
    ...fields,
  }
}
