// Certificates of attendance: rendered with the longest values and read back with pdftotext,
// their QR decoded from the printed page (pdftoppm + zbarimg) and opened on the hub's check
// page, which calls the code genuine; a tampered code, a badge code and a changed day mask
// are called forged. Only people present on enough days get one; the logo upload is validated.
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PNG } from 'pngjs'
import { describe, expect } from 'vitest'
import { fromBase64url, toBase64url } from '../../shared/base64url.js'
import { dayDate } from '../../shared/local-time.js'
import { at } from '../fixtures/event.js'
import { LONG_NAME, LONG_TITLE, LONGEST_INSTITUTION, documentsEvent } from '../fixtures/documents.js'
import { decodePages, pdfInfo } from '../helpers/pdf.js'
import { flat, pagesText } from '../helpers/pdf-text.js'
import { submission } from '../helpers/submissions.js'
import { hubPerFile } from '../helpers/hub-fixture.js'
import type { TestHub } from '../helpers/test-hub.js'

const it = hubPerFile({ seed: documentsEvent })

const exec = promisify(execFile)
let t: TestHub

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${t.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${t.adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })

/** A small logo: a 240×90 PNG with a coloured block. */
function logoPng(): Buffer {
  const png = new PNG({ width: 240, height: 90 })
  for (let i = 0; i < png.data.length; i += 4) {
    const x = (i / 4) % 240
    png.data.set(x < 120 ? [21, 101, 192, 255] : [46, 125, 50, 255], i)
  }
  return PNG.sync.write(png)
}

const SETTINGS = {
  signatoryName: 'Eng. Benedict B. Ndomba',
  signatoryTitle: 'Mkurugenzi Mkuu / Director General',
  organiser: 'Mamlaka ya Serikali Mtandao (e-GA)',
  minDays: 2,
  verifyBaseUrl: '',
}

it.beforeAll(async ({ fileHub }) => {
  t = fileHub
  const paired = await t.pairKiosk()
  const kiosk = await t.client(paired.token)
  const send = async (attendeeId: string, scannedAt: string) => {
    const res = await kiosk.emitWithAck('checkin:submit', submission(paired.kioskId, { attendeeId, scannedAt, method: 'search' }))
    if (!res.ok) throw new Error(res.error)
  }
  // A0001 (the long name) and A0002 on days 1 and 3; A0004 only on day 1
  for (const id of ['A0001', 'A0002']) {
    await send(id, at('08:10'))
    await send(id, at('08:20', '2026-11-26'))
  }
  await send('A0004', at('08:30'))
  expect((await admin('PUT', '/api/admin/certificates/settings', SETTINGS)).status).toBe(200)
  expect((await admin('PUT', '/api/admin/certificates/logo', { contentBase64: logoPng().toString('base64') })).status).toBe(200)
})

async function save(res: Response, name: string): Promise<string> {
  expect(
    res.status,
    await res
      .clone()
      .text()
      .then((s) => s.slice(0, 200)),
  ).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/pdf')
  const file = join(t.dataDir, name)
  await writeFile(file, Buffer.from(await res.arrayBuffer()))
  return file
}

async function checkPage(path: string): Promise<string> {
  const res = await fetch(`${t.url}${path}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
  return res.text()
}

const GENUINE = ['Cheti hiki ni halali', 'This certificate is genuine']
const FORGED = ['Cheti hiki ni cha kughushi', 'This certificate is forged']

describe('certificates of attendance', () => {
  let file: string
  let qrPath: string
  let printedNumber: string

  it('one attendee’s certificate: every value whole, the days attended, the signature block, the logo', async () => {
    file = await save(await admin('GET', '/api/admin/certificates/A0001.pdf'), 'a0001.pdf')
    expect((await pdfInfo(file)).pages).toBe(1)
    const text = flat((await pagesText(file)).join('\n'))
    const event = t.store.data.event
    for (const value of [
      LONG_NAME,
      LONG_TITLE,
      LONGEST_INSTITUTION,
      event.name.sw,
      event.name.en,
      event.venue,
      SETTINGS.signatoryName,
      SETTINGS.signatoryTitle,
      SETTINGS.organiser,
    ])
      expect(text).toContain(value)
    expect(text).toContain('CHETI CHA USHIRIKI')
    expect(text).toContain('CERTIFICATE OF ATTENDANCE')
    expect(text).toContain(`${dayDate(event.days[0]!.date)} – ${dayDate(event.days[2]!.date)}`)
    expect(text).toContain(`Siku alizoshiriki / Days attended (2 / 3): ${dayDate(event.days[0]!.date)}, ${dayDate(event.days[2]!.date)}`)
    printedNumber = /Namba ya cheti \/ Certificate no\.: (KRB-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1] ?? ''
    expect(printedNumber).toMatch(/^KRB-0001-/)
    const { stdout } = await exec('pdfimages', ['-list', file])
    // the logo: one picture (and its transparency mask)
    expect(
      stdout
        .trim()
        .split('\n')
        .slice(2)
        .filter((l) => l.split(/\s+/)[3] === 'image'),
    ).toHaveLength(1)
  })

  it('its QR, decoded from the printed page, opens the check page, which calls it genuine', async () => {
    const [codes] = await decodePages(file, 150, t.dataDir)
    expect(codes).toHaveLength(1)
    const url = new URL(codes![0]!)
    expect(url.pathname).toMatch(/^\/certificate\/[A-Za-z0-9_-]+$/)
    qrPath = url.pathname
    const html = await checkPage(qrPath)
    for (const w of GENUINE) expect(html).toContain(w)
    expect(html).toContain('data-verdict="genuine"')
    expect(html).toContain(printedNumber)
    expect(html).toContain(LONG_NAME.replace("'", '&#39;'))
    expect(html).toContain('Siku ya 3 / Day 3')
    expect(html).not.toContain('Siku ya 2 / Day 2')
  })

  it('a tampered code, a changed day mask or a badge code is called forged', async () => {
    const code = qrPath.split('/').pop()!
    // one character changed, anywhere: the signature no longer matches
    for (const i of [0, 3, 5, code.length - 10, code.length - 1]) {
      const c = code[i] === 'A' ? 'B' : 'A'
      const tampered = code.slice(0, i) + c + code.slice(i + 1)
      if (tampered === code) continue
      const html = await checkPage(`/certificate/${tampered}`)
      for (const w of FORGED) expect(html, `char ${i}`).toContain(w)
      expect(html).not.toContain(GENUINE[1]!)
      expect(html).not.toContain(LONG_NAME.replace("'", '&#39;'))
    }
    // every day claimed, the signature kept
    const bytes = fromBase64url(code)!
    const more = Uint8Array.from(bytes)
    more[more.length - 65] = 0b111
    expect(await checkPage(`/certificate/${toBase64url(more)}`)).toContain(FORGED[1]!)
    // a genuine badge code is not a certificate
    const badge = t.store.signBadge({ attendeeSeq: 1, badgeVersion: 1 })
    expect(await checkPage(`/certificate/${badge}`)).toContain(FORGED[1]!)
    expect(await checkPage('/certificate/%3Cscript%3E')).toContain(FORGED[1]!)
  })

  it('the number typed by hand is checked too: genuine as printed, forged when changed', async () => {
    const typed = async (n: string) => checkPage(`/certificate?number=${encodeURIComponent(n)}`)
    const ok = await typed(printedNumber)
    for (const w of GENUINE) expect(ok).toContain(w)
    expect(ok).toContain(LONG_NAME.replace("'", '&#39;'))
    expect(ok).toContain('Siku ya 3 / Day 3')
    // as a person types it: lower case, spaces, O for 0
    expect(await typed(` ${printedNumber.toLowerCase().replace(/0/g, 'o')} `)).toContain(GENUINE[1]!)
    const last = printedNumber.slice(-1)
    const changed = printedNumber.slice(0, -1) + (last === '7' ? '8' : '7')
    expect(await typed(changed)).toContain(FORGED[1]!)
    // another attendee's seq with this signature
    expect(await typed(printedNumber.replace('KRB-0001', 'KRB-0002'))).toContain(FORGED[1]!)
    expect(await typed('<b>')).toContain(FORGED[1]!)
    // no number yet: the form only
    const form = await checkPage('/certificate')
    expect(form).toContain('data-verdict="none"')
    expect(form).toContain('name="number"')
  })

  it('someone present on fewer days than the organiser set gets none; the bulk PDF holds one page per eligible attendee', async () => {
    const res = await admin('GET', '/api/admin/certificates/A0004.pdf')
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ error: 'not_eligible', message: { en: expect.stringContaining('2 day') } })
    const bulk = await save(await admin('GET', '/api/admin/certificates.pdf?group=ict'), 'bulk.pdf')
    const pages = await pagesText(bulk)
    expect(pages).toHaveLength(2)
    // sorted by surname: Mwakalinga… (A0001) after Mwakyusa? compare as the hub does
    const names = pages.map((p) => (flat(p).includes(LONG_NAME) ? 'A0001' : flat(p).includes('Baraka Mwakyusa') ? 'A0002' : '?'))
    expect(new Set(names)).toEqual(new Set(['A0001', 'A0002']))
    const oneDay = await save(await admin('GET', '/api/admin/certificates.pdf?group=ict&minDays=1'), 'bulk1.pdf')
    expect(await pagesText(oneDay)).toHaveLength(3)
    expect((await admin('GET', '/api/admin/certificates.pdf?group=leaders')).status).toBe(409)
  })

  it('the logo upload accepts a small PNG only', async () => {
    const text = await admin('PUT', '/api/admin/certificates/logo', {
      contentBase64: Buffer.from('<svg onload=alert(1)>').toString('base64'),
    })
    expect(text.status).toBe(415)
    const big = new PNG({ width: 260, height: 260 })
    for (let i = 0; i < big.data.length; i++) big.data[i] = (i * 7919) % 251
    const bigPng = PNG.sync.write(big, { deflateLevel: 0 })
    expect(bigPng.length).toBeGreaterThan(200 * 1024)
    expect((await admin('PUT', '/api/admin/certificates/logo', { contentBase64: bigPng.toString('base64') })).status).toBe(413)
    const truncated = logoPng().subarray(0, 60)
    expect((await admin('PUT', '/api/admin/certificates/logo', { contentBase64: truncated.toString('base64') })).status).toBe(415)
    const settings = (await (await admin('GET', '/api/admin/certificates/settings')).json()) as {
      settings: { logo: { width: number; height: number } | null; minDays: number }
      eligible: number
    }
    expect(settings.settings.logo).toMatchObject({ width: 240, height: 90 })
    expect(settings.settings.minDays).toBe(2)
    expect(settings.eligible).toBe(2)
    expect((await admin('PUT', '/api/admin/certificates/settings', { ...SETTINGS, minDays: 0 })).status).toBe(400)
  })
})
