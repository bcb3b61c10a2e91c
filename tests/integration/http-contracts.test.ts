// Every hub route that reads a JSON body refuses one its contract (shared/http/) does not
// allow: 400 invalid_payload, and nothing in the store, the print log or the settings moves.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pairWithHub, PairingError } from '../../agent/kiosk-pairing.js'
import { HTTP_CONTRACTS } from '../../shared/http/index.js'
import { tempDir } from '../helpers/temp-dir.js'
import { startTestHub, type TestHub } from '../helpers/test-hub.js'

let dir: Awaited<ReturnType<typeof tempDir>>
let t: TestHub

beforeEach(async () => {
  dir = await tempDir()
  t = await startTestHub(dir.path)
})
afterEach(async () => {
  await t.close()
  await dir.remove()
})

const send = (method: string, path: string, raw: string) =>
  fetch(`${t.url}${path}`, { method, headers: { Authorization: `Bearer ${t.adminToken}`, 'Content-Type': 'application/json' }, body: raw })
const getJson = async (path: string) =>
  (await (await fetch(`${t.url}${path}`, { headers: { Authorization: `Bearer ${t.adminToken}` } })).json()) as unknown

/** Everything a wrongly accepted body could change. */
async function snapshot() {
  return {
    registry: JSON.stringify(t.store.data),
    lastSeq: t.store.ledger.lastSeq,
    jobs: await getJson('/api/print-jobs?limit=1000'),
    certificates: await getJson('/api/admin/certificates/settings'),
  }
}

/** Well-formed path parts, so the body is what is refused. */
function pathOf(template: string): string {
  const sample: Record<string, string> = {
    attendeeId: t.store.data.attendees[0]!.id,
    deskId: t.store.data.event.desks[0]!.id,
    jobId: 'pj-0123456789ab',
    id: 'x',
  }
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => sample[name] ?? 'x')
}

// not an object, the wrong kind of object, and not JSON at all; `{}` is left out: some bodies are all optional
const MALFORMED = ['42', '[]', '"text"', '{"force":"yes","mode":7,"pin":12,"label":[],"code":false,"submissions":{}}', '{not json']

describe('HTTP contracts at the hub edge', () => {
  const withBody = HTTP_CONTRACTS.filter((c) => c.request)

  it('covers every route with a body', () => {
    expect(withBody.length).toBeGreaterThanOrEqual(15)
  })

  it('a malformed body gets 400 invalid_payload and changes nothing', async () => {
    const before = await snapshot()
    const answers: string[] = []
    for (const c of withBody) {
      for (const raw of MALFORMED) {
        const res = await send(c.method, pathOf(c.path), raw)
        const body = (await res.json()) as { error?: string }
        answers.push(`${c.method} ${c.path} ${raw} → ${res.status} ${body.error}`)
        expect(`${c.method} ${c.path} ${raw} → ${res.status} ${body.error}`).toBe(`${c.method} ${c.path} ${raw} → 400 invalid_payload`)
      }
    }
    expect(answers.length).toBe(withBody.length * MALFORMED.length)
    expect(await snapshot()).toEqual(before)
  })

  it('a well-formed body passes the same edge, and the answer fits the contract', async () => {
    const res = await send('POST', '/api/admin/credentials/ushers', JSON.stringify({ label: 'Mlangoni' }))
    expect(res.status).toBe(200)
    const contract = HTTP_CONTRACTS.find((c) => c.method === 'POST' && c.path === '/api/admin/credentials/ushers')!
    expect(contract.response!.parse(await res.json())).toMatchObject({ ok: true, usher: { label: 'Mlangoni', revoked: false } })
  })

  it('what the hub answers on its JSON GET routes fits their answer schemas', async () => {
    const gets = HTTP_CONTRACTS.filter((c) => c.method === 'GET' && c.response && !c.path.includes(':'))
    expect(gets.length).toBeGreaterThanOrEqual(8)
    const misfits: string[] = []
    for (const c of gets) {
      const parsed = c.response!.safeParse(await getJson(c.path))
      if (!parsed.success) misfits.push(`${c.path}: ${parsed.error.message}`)
    }
    expect(misfits).toEqual([])
  })
})

describe('the agent reads the hub with the contract', () => {
  let stranger: Server | null = null
  afterEach(async () => {
    await new Promise((resolve) => (stranger ? stranger.close(resolve) : resolve(null)))
    stranger = null
  })

  it('pairs with a real hub', async () => {
    const { code } = (await (
      await fetch(`${t.url}/api/pairing-codes`, { method: 'POST', headers: { Authorization: `Bearer ${t.adminToken}` } })
    ).json()) as { code: string }
    const paired = await pairWithHub(t.url, code, 'Meza 1')
    expect(paired.kioskId).toMatch(/.+/)
    expect(paired.badgePublicKey).toBe(t.store.data.event.badgePublicKey)
    expect(paired.hubs.every((h) => /^https?:\/\//.test(h))).toBe(true)
  })

  it('an answer that is not a pairing is a clear pairing failure, not a crash', async () => {
    // something else listening where the hub was expected, answering 200 with its own JSON
    stranger = createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, status: 'fine' })),
    )
    await new Promise<void>((resolve) => stranger!.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}`
    const err = await pairWithHub(url, 'ABC123', 'Meza 1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PairingError)
    expect((err as PairingError).kind).toBe('pairing_failed')
    expect((err as PairingError).message).toMatch(/not one this kiosk understands: kioskId, token/)
  })
})
