// Every hub route has its contract in shared/http/ and every contract has its route, so a
// new route cannot slip in without saying what it takes and answers.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ROUTES } from '../../hub/server/http.js'
import type { Route } from '../../hub/server/routes.js'
import { HTTP_CONTRACTS } from '../../shared/http/index.js'
import type { HttpContract } from '../../shared/http/contract.js'
import { ImportPreview, type ImportProblem as ImportProblemContract } from '../../shared/http/import.js'
import type { ImportPreview as HubImportPreview } from '../../hub/admin/import/run.js'
import type { ImportProblem as HubImportProblem } from '../../hub/admin/import/problems.js'
import { PairAnswer } from '../../shared/http/core.js'

const PARAM = /:([A-Za-z]+)/g
const sample = (c: HttpContract) => c.path.replace(PARAM, (_, name: string) => `x-${name}`)
const paramNames = (c: HttpContract) => [...c.path.matchAll(PARAM)].map((m) => m[1]).sort()

function fits(route: Route, c: HttpContract): boolean {
  if (route.method !== c.method) return false
  if (typeof route.path === 'string') return route.path === c.path
  const m = route.path.exec(sample(c))
  return (
    !!m &&
    JSON.stringify(Object.keys(m.groups ?? {}).sort()) === JSON.stringify(paramNames(c)) &&
    Object.entries(m.groups ?? {}).every(([k, v]) => v === `x-${k}`)
  )
}

const label = (r: Route) => `${r.method} ${String(r.path)}`

describe('HTTP contracts', () => {
  it('every hub route has exactly one contract', () => {
    const missing = ROUTES.filter((r) => HTTP_CONTRACTS.filter((c) => fits(r, c)).length !== 1).map(label)
    expect(missing).toEqual([])
  })

  it("every contract names a hub route that exists (the agent's own routes are listed apart)", () => {
    const orphans = HTTP_CONTRACTS.filter((c) => !ROUTES.some((r) => fits(r, c))).map((c) => `${c.method} ${c.path}`)
    expect(orphans).toEqual([])
  })

  it('a route that reads a JSON body has a request schema', () => {
    // POST and PUT routes the hub reads a body on; the others take none (their path says it all)
    const bodiless = new Set([
      'POST /api/pairing-codes',
      'POST /api/admin/credentials/admin',
      'POST /api/admin/credentials/:id/revoke',
      'POST /api/admin/kiosks/:id/revoke',
      'POST /api/badges/:attendeeId/reprint',
    ])
    const without = HTTP_CONTRACTS.filter(
      (c) => (c.method === 'POST' || c.method === 'PUT') && !c.request && !bodiless.has(`${c.method} ${c.path}`),
    ).map((c) => `${c.method} ${c.path}`)
    expect(without).toEqual([])
  })

  it('answers keep working when the hub adds a field', () => {
    const paired = PairAnswer.parse({
      ok: true,
      kioskId: 'k1',
      token: 't',
      event: { badgePublicKey: 'key', id: 'e' },
      hubs: ['http://a:1', 'ftp://b', 3],
      extra: 1,
    })
    expect(paired).toEqual({ ok: true, kioskId: 'k1', token: 't', event: { badgePublicKey: 'key' }, hubs: ['http://a:1'] })
    expect(ImportPreview.safeParse({ sheets: [] }).success).toBe(false)
  })

  it('a reply that does not match is an error, not a value', () => {
    expect(PairAnswer.safeParse({ ok: true, kioskId: '', token: 't', event: {} }).success).toBe(false)
    expect(z.object({}).safeParse(null).success).toBe(false)
  })
})

// the hub's own types for what it sends must fit the contract's (checked by tsc, not at run time)
export const hubPreviewFitsContract = (p: HubImportPreview): ImportPreview => p
export const hubProblemFitsContract = (p: HubImportProblem): ImportProblemContract => p
