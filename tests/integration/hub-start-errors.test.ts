// A hub that cannot use its PostgreSQL or Redis at start says why, in Kiswahili and English,
// naming the variable and what to check, without a stack trace or the password, and exits
// with a code a supervisor can act on (EXIT.settings: fix it; EXIT.unavailable: try later).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT } from '../../node-shared/start-error.js'
import { freePort, runTs } from '../helpers/processes.js'
import { createDatabase, startPostgres, type Service } from '../helpers/services.js'
import { until } from '../helpers/until.js'

const PASSWORD = 'siri-ya-kweli'
let postgres: Service

beforeAll(async () => {
  postgres = await startPostgres({ password: PASSWORD })
}, 60_000)
afterAll(async () => postgres?.stop())

async function startHub(env: Record<string, string>) {
  const child = runTs('hub/main.ts', [], {
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    KARIBU_REDIS_URL: '',
    KARIBU_HUB_URLS: '',
    ...env,
  })
  await until(() => child.proc.exitCode !== null || child.proc.signalCode !== null, 30_000, `hub exits (${child.output()})`)
  const out = child.output()
  expect(out).toContain('Karibu haikuanza / Karibu did not start')
  expect(out).not.toMatch(/^\s+at /m) // no stack trace
  return { code: child.proc.exitCode, out }
}

const withPassword = (password: string, db = 'postgres') => {
  const u = new URL(postgres.url)
  u.password = encodeURIComponent(password)
  u.pathname = `/${db}`
  return u.toString()
}

describe('hub start-up errors', () => {
  it('wrong database password', async () => {
    const { code, out } = await startHub({ KARIBU_DATABASE_URL: withPassword('si-hii') })
    expect(out).toContain('ilikataa mtumiaji au nenosiri lililo kwenye KARIBU_DATABASE_URL')
    expect(out).toContain('refused the user or password in KARIBU_DATABASE_URL')
    expect(out).not.toContain('si-hii') // the password is not printed
    expect(code).toBe(EXIT.settings)
  }, 40_000)

  it('missing database', async () => {
    const { code, out } = await startHub({ KARIBU_DATABASE_URL: withPassword(PASSWORD, 'hakuna_hii') })
    expect(out).toContain('Hifadhidata "hakuna_hii" haipo')
    expect(out).toContain('The database "hakuna_hii" does not exist')
    expect(out).toContain('createdb')
    expect(out).not.toContain(PASSWORD)
    expect(code).toBe(EXIT.settings)
  }, 40_000)

  it('closed port', async () => {
    const port = await freePort()
    const { code, out } = await startHub({ KARIBU_DATABASE_URL: `postgres://karibu:x@127.0.0.1:${port}/karibu` })
    expect(out).toContain(`Hakuna PostgreSQL inayosikiliza kwenye 127.0.0.1:${port} (KARIBU_DATABASE_URL)`)
    expect(out).toContain(`Nothing is listening for PostgreSQL at 127.0.0.1:${port} (KARIBU_DATABASE_URL)`)
    expect(code).toBe(EXIT.unavailable)
  }, 40_000)

  it('unreachable Redis: a bounded wait, then the message', async () => {
    const databaseUrl = await createDatabase(postgres.url)
    const port = await freePort()
    const { code, out } = await startHub({
      KARIBU_DATABASE_URL: databaseUrl,
      KARIBU_REDIS_URL: `redis://:neno@127.0.0.1:${port}`,
      KARIBU_REDIS_WAIT_S: '2',
    })
    expect(out).toContain(`Redis kwenye redis://:***@127.0.0.1:${port}`)
    expect(out).toContain('(KARIBU_REDIS_URL) haikujibu kwa sekunde 2')
    expect(out).toContain('(KARIBU_REDIS_URL) did not answer within 2 s')
    expect(out).not.toContain('neno@')
    expect(code).toBe(EXIT.unavailable)
  }, 40_000)
})
