// Floods and oversized messages on the socket: the flooder gets rate_limited (nothing beyond
// what was acked is stored), an oversized message closes only its own connection, and the
// hub keeps serving everyone else throughout. The per-second budget reads the clock, which
// stands still here until the test moves it: the flood falls in one second, however slow the machine.
import { afterEach, beforeEach, describe, expect, vi } from 'vitest'
import { MAX_MESSAGE_BYTES } from '../../hub/server/app.js'
import { test } from '../helpers/hub-fixture.js'
import { STORE_KINDS } from '../helpers/store-kinds.js'
import { submission } from '../helpers/submissions.js'
import type { HubClient, TestHub } from '../helpers/test-hub.js'

const RATE = 400

/** Resolves with the disconnect reason, or 'still connected' after `ms`. */
const disconnected = (socket: HubClient, ms = 1500) =>
  new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve('still connected'), ms)
    socket.once('disconnect', (reason) => {
      clearTimeout(timer)
      resolve(reason)
    })
  })

describe.each(STORE_KINDS)('%s store', (kind) => {
  const it = test.override({ hubStore: kind })
  let t: TestHub
  let flooder: HubClient
  let floodId: string
  let bystander: HubClient

  beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'] }))
  afterEach(() => void vi.useRealTimers())
  it.beforeEach(async ({ hub, api }) => {
    t = hub
    const k = await api.pairKiosk('Flooder')
    floodId = k.kioskId
    flooder = k.socket
    bystander = (await api.pairKiosk('Desk 2 kiosk')).socket
  })

  it(`over ${RATE} requests in a second: rate_limited, only the acked ones stored, the hub still serving`, async () => {
    const subs = Array.from({ length: 700 }, (_, i) => submission(floodId, { attendeeId: `A000${(i % 9) + 1}` }))
    const flood = Promise.all(subs.map((s) => flooder.emitWithAck('checkin:submit', s)))
    // while the flood is answered: another kiosk and /healthz are served
    expect((await bystander.emitWithAck('clock:ping', { kioskTime: Date.now() })).ok).toBe(true)
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
    const answers = await flood

    const accepted = subs.filter((_, i) => answers[i]!.ok)
    const refused = answers.filter((a) => !a.ok)
    expect(refused.length).toBe(subs.length - RATE)
    expect(new Set(refused.map((a) => (a.ok ? '' : a.error)))).toEqual(new Set(['rate_limited']))
    expect(accepted.length).toBe(RATE)
    // nothing extra stored: exactly the acked submissions, the refused ones not at all
    expect(t.store.ledger.records.size).toBe(accepted.length)
    for (const s of subs) expect(t.store.ledger.records.has(s.id), s.id).toBe(accepted.includes(s))
    expect(
      ((await (await fetch(`${t.url}/healthz`, { headers: { Authorization: `Bearer ${t.adminToken}` } })).json()) as { lastSeq: number })
        .lastSeq,
    ).toBe(accepted.length)

    // other sockets have budgets of their own, and the flooder is served again a second later
    const pings = await Promise.all(Array.from({ length: 50 }, () => bystander.emitWithAck('clock:ping', { kioskTime: 0 })))
    expect(pings.every((p) => p.ok)).toBe(true)
    vi.setSystemTime(Date.now() + 1100)
    expect(await flooder.emitWithAck('checkin:submit', submission(floodId, { attendeeId: 'A0010' }))).toMatchObject({
      ok: true,
      duplicate: false,
    })
    expect(flooder.connected).toBe(true)
  })

  it('a message over 1 MB closes only that connection; nothing is stored and everyone else is served', async () => {
    // just under the cap: an answer, not a closed connection
    expect(await flooder.emitWithAck('checkin:submit', { ...submission(floodId, {}), code: 'x'.repeat(MAX_MESSAGE_BYTES - 2000) })).toEqual(
      { ok: false, error: 'invalid_payload' },
    )
    const closed = disconnected(flooder)
    flooder.emit(
      'checkin:submitBatch',
      [{ ...submission(floodId, { attendeeId: 'A0001' }), deskId: 'x'.repeat(MAX_MESSAGE_BYTES + 10_000) }],
      () => {},
    )
    expect(await closed).not.toBe('still connected')
    expect(bystander.connected).toBe(true)
    expect((await bystander.emitWithAck('clock:ping', { kioskTime: 0 })).ok).toBe(true)
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
    expect(t.store.ledger.records.size).toBe(0)
  })

  it('a message over 1 MB sent as binary attachments, each under the cap, also closes the connection', async () => {
    const part = new Uint8Array(600_000)
    const closed = disconnected(flooder)
    const answer = flooder
      .timeout(1500)
      .emitWithAck('checkin:submit', { parts: [part, part, part] })
      .catch(() => 'no answer')
    const reason = await closed
    expect(reason, `connection stayed open; the hub answered ${JSON.stringify(await answer)}`).not.toBe('still connected')
    expect(bystander.connected).toBe(true)
    expect((await bystander.emitWithAck('clock:ping', { kioskTime: 0 })).ok).toBe(true)
  })
})
