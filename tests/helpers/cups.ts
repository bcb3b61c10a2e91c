// A private CUPS print server for tests: cupsd in the foreground with its own config, spool
// and a Unix socket in a temp folder (no port, nothing shared with a system cupsd), and a
// cups-pdf queue, so a badge goes through a real print server and lands as a PDF file.
// Point CUPS clients (lp, lpstat, the hub's printing) at it with CUPS_SERVER=<socket>.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { until } from './until.js'
import { recordServer } from './server-ledger.js'

const exec = promisify(execFile)
const CUPSD = '/usr/sbin/cupsd'
const CUPS_PDF_BACKEND = '/usr/lib/cups/backend/cups-pdf'

export interface Cups {
  /** the value for CUPS_SERVER */
  server: string
  /** where cups-pdf writes printed jobs */
  outDir: string
  addPdfPrinter(name: string): Promise<void>
  /** a queue with a real label printer driver (a PPD name from lpinfo -m) sending to `uri` */
  addLabelPrinter(name: string, uri: string, ppd: string): Promise<void>
  /** runs a CUPS command-line tool against this server */
  run(command: string, args: string[]): Promise<string>
  /** the PDF cups-pdf made for a job whose title starts with `titlePrefix` */
  waitForOutput(titlePrefix: string, ms?: number): Promise<string>
  /** waits for the queue to empty, then deletes the outputs of the jobs with these title prefixes */
  removeOutputs(titlePrefixes: string[]): Promise<void>
  errorLog(): Promise<string>
  stop(): Promise<void>
}

/** cups-pdf's output folder from its own config (`Out ${HOME}/PDF` on Debian); jobs run as the submitting user. */
async function cupsPdfOutDir(): Promise<string> {
  const conf = await readFile('/etc/cups/cups-pdf.conf', 'utf8').catch(() => '')
  const out = /^\s*Out\s+(.+)$/m.exec(conf)?.[1]?.trim() ?? '${HOME}/PDF'
  return out.replace('${HOME}', homedir()).replace(/^~/, homedir())
}

/** Starts cupsd, or throws with a message that says why it cannot run here. */
export async function startCups(): Promise<Cups> {
  for (const path of [CUPSD, CUPS_PDF_BACKEND]) {
    if (!existsSync(path))
      throw new Error(
        `CUPS cannot start in this sandbox: ${path} is missing (apt-get install cups cups-client cups-bsd printer-driver-cups-pdf)`,
      )
  }
  const dir = await mkdtemp(join(tmpdir(), 'karibu-cups-'))
  for (const sub of ['spool/tmp', 'cache', 'state', 'log']) await mkdir(join(dir, sub), { recursive: true })
  const socket = join(dir, 'cups.sock')
  await writeFile(
    join(dir, 'cupsd.conf'),
    [
      `Listen ${socket}`,
      'LogLevel warn',
      'Browsing No',
      'WebInterface No',
      'DefaultAuthType None',
      '<Location />',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '<Policy default>',
      '  JobPrivateAccess all',
      '  JobPrivateValues none',
      '  SubscriptionPrivateAccess all',
      '  SubscriptionPrivateValues none',
      '  <Limit All>',
      '    Order deny,allow',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
  )
  await writeFile(
    join(dir, 'cups-files.conf'),
    [
      `ServerRoot ${dir}`,
      `RequestRoot ${dir}/spool`,
      `TempDir ${dir}/spool/tmp`,
      `CacheDir ${dir}/cache`,
      `StateDir ${dir}/state`,
      `AccessLog ${dir}/log/access_log`,
      `ErrorLog ${dir}/log/error_log`,
      `PageLog ${dir}/log/page_log`,
      'SystemGroup root',
      '',
    ].join('\n'),
  )
  // -f: stay in the foreground, so this process owns it and stops it by its pid
  const child: ChildProcess = spawn(CUPSD, ['-f', '-c', join(dir, 'cupsd.conf'), '-s', join(dir, 'cups-files.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  let exited: string | null = null
  const forget = child.pid ? recordServer({ what: 'cupsd', pid: child.pid }) : () => {}
  child.on('exit', (code, signal) => {
    exited = `cupsd exited (${signal ?? code}): ${stderr.trim()}`
    forget()
  })
  const env = { ...process.env, CUPS_SERVER: socket }
  const errorLog = () => readFile(join(dir, 'log/error_log'), 'utf8').catch(() => '')

  const stop = async () => {
    if (exited === null && child.pid) {
      const gone = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await gone
      clearTimeout(timer)
    }
    await rm(dir, { recursive: true, force: true })
  }

  try {
    await until(
      async () => {
        if (exited) throw new Error(`CUPS cannot start in this sandbox: ${exited}\n${await errorLog()}`)
        const r = await exec('lpstat', ['-r'], { env }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }))
        return r.stdout.includes('scheduler is running')
      },
      10_000,
      'cupsd to answer on its socket',
    )
  } catch (err) {
    await stop()
    throw err
  }

  const outDir = await cupsPdfOutDir()
  return {
    server: socket,
    outDir,
    async addPdfPrinter(name) {
      await exec('lpadmin', ['-p', name, '-E', '-v', 'cups-pdf:/', '-m', 'lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd'], { env })
    },
    async addLabelPrinter(name, uri, ppd) {
      await exec('lpadmin', ['-p', name, '-E', '-v', uri, '-m', ppd], { env })
    },
    async run(command, args) {
      return (await exec(command, args, { env })).stdout
    },
    async waitForOutput(titlePrefix, ms = 30_000) {
      return until(
        async () => {
          const files = await readdir(outDir).catch(() => [] as string[])
          // cups-pdf names the file after the job title (and appends a few characters of its own)
          const file = files.find((f) => f.startsWith(titlePrefix) && f.endsWith('.pdf'))
          if (!file) return null
          // cups-pdf writes the file, then the backend exits: wait until the job has completed
          const { stdout } = await exec('lpstat', ['-W', 'not-completed', '-o'], { env }).catch(() => ({ stdout: 'unknown' }))
          return stdout.trim() === '' ? join(outDir, file) : null
        },
        ms,
        `cups-pdf output for ${titlePrefix} in ${outDir}`,
      ).catch(async (err: Error) => {
        throw new Error(`${err.message}\ncupsd error_log:\n${await errorLog()}`)
      })
    },
    async removeOutputs(titlePrefixes) {
      await until(
        async () => (await exec('lpstat', ['-W', 'not-completed', '-o'], { env }).catch(() => ({ stdout: '' }))).stdout.trim() === '',
        30_000,
        'the print queue to empty',
      ).catch(() => {})
      const files = await readdir(outDir).catch(() => [] as string[])
      await Promise.all(files.filter((f) => titlePrefixes.some((p) => f.startsWith(p))).map((f) => rm(join(outDir, f), { force: true })))
    },
    errorLog,
    stop,
  }
}
