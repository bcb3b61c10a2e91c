// README's `npm start`, run for real: the hub comes up with the demo event, prints the URLs
// and credentials, and answers /healthz.
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { freePort, ROOT } from '../helpers/processes.js'
import { tempDir } from '../helpers/temp-dir.js'
import { until } from '../helpers/until.js'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

it('npm start seeds the demo event, prints where to go, and serves /healthz', async () => {
  const data = await tempDir()
  cleanups.push(data.remove)
  const port = await freePort()
  const proc = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), KARIBU_DATA: data.path },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout.on('data', (d) => (out += d))
  proc.stderr.on('data', (d) => (out += d))
  const exited = new Promise((r) => proc.once('exit', r))
  cleanups.push(async () => {
    try {
      process.kill(-proc.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
    await exited
  })
  const health = await until(
    async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null)
      return res?.ok ? ((await res.json()) as { ok: boolean; event: string }) : null
    },
    45_000,
    `healthz (output so far: ${out})`,
  )
  // the check-in count is not for anyone on the network (SECURITY.md)
  expect(health).toEqual({ ok: true, event: 'egov-2026' })
  await until(() => out.includes('pairing code'), 5000, 'start banner')
  expect(out).toMatch(new RegExp(`http://127\\.0\\.0\\.1:${port}/dashboard#token=kbu_`))
  expect(out).toMatch(/Admin credential \(shown once only\):\s+kba_/)
  expect(out).toContain(`http://127.0.0.1:${port}/admin`)
  const registry = JSON.parse(await readFile(join(data.path, 'registry.json'), 'utf8')) as {
    attendees: { lastName: string }[]
    event: { days: unknown[] }
  }
  expect(registry.attendees.length).toBe(1000)
  expect(registry.event.days).toHaveLength(4)
  expect(registry.attendees.some((a) => a.lastName.includes("'"))).toBe(true)
  expect((await fetch(`http://127.0.0.1:${port}/dashboard`)).headers.get('content-security-policy')).toContain("default-src 'self'")
  // the kiosk page is the kiosk agent's, on each desk PC: the banner says how to start one
  expect((await fetch(`http://127.0.0.1:${port}/kiosk`)).status).toBe(404)
  expect(out).toContain('npm run kiosk:web -- --hub')
})
