import { describe, expect, it, vi } from 'vitest'
import { printBadge, validatePrintRequest, type LoadAndPrint } from '../../electron/main/printing.js'

const APP = 'http://127.0.0.1:5180'

function deps(outcome: { ok: boolean; error?: string } = { ok: true }) {
  const loadAndPrint = vi.fn<LoadAndPrint>(async () => outcome)
  return { appOrigin: APP, loadAndPrint }
}

describe('printBadge', () => {
  it('prints the badge page of the app on a CR80 card, silently', async () => {
    const d = deps()
    expect(await printBadge({ path: '/badge/att_01-X', deviceName: 'Zebra ZC300 (USB)' }, d)).toEqual({ ok: true })
    expect(d.loadAndPrint).toHaveBeenCalledExactlyOnceWith(`${APP}/badge/att_01-X`, {
      silent: true,
      deviceName: 'Zebra ZC300 (USB)',
      printBackground: true,
      margins: { marginType: 'none' },
      pageSize: { width: 86_000, height: 54_000 },
    })
  })

  it('leaves the printer to the system default when none is named', async () => {
    const d = deps()
    await printBadge({ path: '/badge/a1' }, d)
    expect(d.loadAndPrint.mock.calls[0]?.[1]).not.toHaveProperty('deviceName')
  })

  it('passes a print failure back', async () => {
    expect(await printBadge({ path: '/badge/a1' }, deps({ ok: false, error: 'print_failed' }))).toEqual({
      ok: false,
      error: 'print_failed',
    })
    expect(await printBadge({ path: '/badge/a1' }, deps({ ok: false }))).toEqual({ ok: false, error: 'print_failed' })
  })

  it.each([
    '/badge/../admin',
    '/badge/..',
    '/badge/%2e%2e/admin',
    '../badge/a1',
    '/badge/a1/../../kiosk',
    'http://evil.com/badge/a1',
    `${APP}/badge/a1`,
    '//evil.com/badge/a1',
    '/badge//evil.com',
    'javascript:alert(1)',
    '/kiosk',
    '/admin',
    '/badge',
    '/badge/',
    '/badges/a1',
    'badge/a1',
    '/badge/a1?print=1',
    '/badge/a1#x',
    '/badge/a b',
    '/badge/a\\b',
    `/badge/${'a'.repeat(300)}`,
  ])('refuses the path %s without printing', async (path) => {
    const d = deps()
    expect(await printBadge({ path }, d)).toEqual({ ok: false, error: 'invalid' })
    expect(d.loadAndPrint).not.toHaveBeenCalled()
  })

  it.each([null, undefined, 'x', 42, [], {}, { path: 42 }, { path: '/badge/a1', deviceName: 7 }])(
    'refuses the request %j',
    async (request) => {
      const d = deps()
      expect(await printBadge(request, d)).toEqual({ ok: false, error: 'invalid' })
      expect(d.loadAndPrint).not.toHaveBeenCalled()
    },
  )
})

describe('validatePrintRequest', () => {
  it('keeps only the known fields', () => {
    expect(validatePrintRequest({ path: '/badge/a1', deviceName: 'P1', extra: 'x' })).toEqual({ path: '/badge/a1', deviceName: 'P1' })
  })

  it('accepts printer names up to 128 printable characters, including non-ASCII', () => {
    expect(validatePrintRequest({ path: '/badge/a1', deviceName: 'p'.repeat(128) })).not.toBeNull()
    expect(validatePrintRequest({ path: '/badge/a1', deviceName: 'Printa ya Mapokezi – Ukumbi A' })).not.toBeNull()
  })

  it.each(['', 'p'.repeat(129), 'Printer\nInjected', 'Printer\u0000', 'Printer\u202Egnp', '\t'])(
    'refuses the printer name %j',
    (deviceName) => {
      expect(validatePrintRequest({ path: '/badge/a1', deviceName })).toBeNull()
    },
  )
})
