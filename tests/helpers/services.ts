// Real PostgreSQL and Redis servers from Debian's packages, started for the test run on
// 127.0.0.1 in temp folders and stopped after (.ci/run installs the packages).
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { chmod, chown, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from './processes.js'
import { recordServer } from './server-ledger.js'
import { until } from './until.js'

const run = promisify(execFile)

export interface Service {
  url: string
  stop(): Promise<void>
  /** stops the server, cutting every connection (Redis: SIGKILL; PostgreSQL: a fast shutdown), keeping its folder and port */
  halt(): Promise<void>
  /** starts it again on the same port and folder */
  resume(): Promise<void>
}

async function postgresBin(name: string): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql').catch(() => [])).sort((a, b) => Number(b) - Number(a))
  if (!versions[0]) throw new Error('PostgreSQL is not installed (apt-get install postgresql; .ci/run does it)')
  return `/usr/lib/postgresql/${versions[0]}/bin/${name}`
}

/** PostgreSQL refuses to run as root: as root, its commands run as the package's `postgres` user. */
async function asPostgres(cmd: string, args: string[]) {
  const root = userInfo().uid === 0
  return run(root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args, { timeout: 60_000 })
}

/**
 * `durable`: PostgreSQL's own defaults (fsync, synchronous commit), for benchmarks; tests skip them.
 * `password`: the `postgres` user needs it over TCP (scram-sha-256), as on a real server; the URL carries it.
 */
export async function startPostgres(options: { durable?: boolean; password?: string } = {}): Promise<Service> {
  const dir = await mkdtemp(join(tmpdir(), 'karibu-pg-'))
  const data = join(dir, 'data')
  if (userInfo().uid === 0) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    await chown(dir, Number(stdout.trim()), Number(gid.trim()))
  }
  await chmod(dir, 0o700)
  const port = await freePort()
  let auth = ['--auth=trust']
  if (options.password) {
    const pwfile = join(dir, 'pw')
    await writeFile(pwfile, options.password)
    if (userInfo().uid === 0) await run('chown', ['postgres', pwfile])
    auth = ['--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`]
  }
  await asPostgres(await postgresBin('initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    ...auth,
    '-E',
    'UTF8',
    ...(options.durable ? [] : ['--no-sync']),
  ])
  const pgCtl = await postgresBin('pg_ctl')
  // fsync off for tests: throwaway databases, and the tests measure nothing
  const fast = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${fast}`
  const start = () => asPostgres(pgCtl, ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '30', 'start'])
  // fast, as `systemctl restart` does: sessions are cut, yet what was committed is kept (immediate
  // would be a crash, and with fsync off a crash may lose commits the tests count on)
  const halt = () => asPostgres(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop'])
  // written down before it starts: a worker that dies during the start still leaves its pid file to the sweep
  const forget = recordServer({ what: `PostgreSQL on port ${port}`, pidFile: join(data, 'postmaster.pid'), signal: 'SIGQUIT' })
  await start()
  const url = `postgres://postgres${options.password ? `:${encodeURIComponent(options.password)}` : ''}@127.0.0.1:${port}/postgres`
  return {
    url,
    halt: async () => void (await halt()),
    resume: async () => void (await start()),
    async stop() {
      // a server already halted answers "not running": nothing to stop
      await asPostgres(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined)
      forget()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** A fresh database on the server, so every test hub starts from nothing. */
export async function createDatabase(serverUrl: string): Promise<string> {
  const name = `karibu_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function startRedis(): Promise<Service> {
  const dir = await mkdtemp(join(tmpdir(), 'karibu-redis-'))
  const port = await freePort()
  let proc: ChildProcess | null = null
  let exited = Promise.resolve()
  let forget = () => {}
  const start = async () => {
    const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: 'ignore',
    })
    proc = p
    forget = p.pid ? recordServer({ what: `Redis on port ${port}`, pid: p.pid }) : forget
    exited = new Promise<void>((r) => p.once('exit', () => r()))
    await until(
      () =>
        new Promise<boolean>((resolve) => {
          const s = connect(port, '127.0.0.1', () => {
            s.end()
            resolve(true)
          })
          s.on('error', () => resolve(false))
        }),
      15_000,
      'redis-server up',
    )
  }
  const halt = async () => {
    proc?.kill('SIGKILL')
    await exited
    forget()
    proc = null
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    halt,
    resume: start,
    async stop() {
      await halt()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
