// The Debian packages the test suite needs (it starts real Chromium, CUPS, PostgreSQL and Redis
// of its own). Plain JavaScript with no dependencies, so .ci/run can ask it before `npm ci`.
//   node scripts/test-prerequisites.mjs            one line naming what to install, exit 1 if any
//   node scripts/test-prerequisites.mjs --missing  the missing package names only (for apt-get)
import { accessSync, constants, existsSync, readdirSync } from 'node:fs'
import { delimiter, join } from 'node:path'

const searchPath = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'].filter(Boolean)

function onPath(command) {
  return searchPath.some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

function postgresInstalled() {
  try {
    return readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
  } catch {
    return false
  }
}

/** [Debian package, is it there?] in the order apt-get will be told. */
const CHECKS = [
  ['chromium', () => (process.env.CHROMIUM_PATH ? existsSync(process.env.CHROMIUM_PATH) : onPath('chromium'))],
  ['ffmpeg', () => onPath('ffmpeg')],
  ['zbar-tools', () => onPath('zbarimg')],
  ['poppler-utils', () => onPath('pdftoppm') && onPath('pdfinfo')],
  ['cups', () => onPath('cupsd')],
  ['cups-client', () => onPath('lp') && onPath('lpadmin')],
  ['cups-bsd', () => onPath('lpr')],
  ['printer-driver-cups-pdf', () => existsSync('/usr/lib/cups/backend/cups-pdf')],
  ['postgresql', postgresInstalled],
  ['redis-server', () => onPath('redis-server')],
  ['fonts-dejavu-core', () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')],
]

export function missingPackages() {
  return CHECKS.filter(([, present]) => !present()).map(([name]) => name)
}

const missing = missingPackages()
if (process.argv.includes('--missing')) {
  if (missing.length > 0) console.log(missing.join(' '))
} else if (missing.length > 0) {
  console.error(
    `Majaribio yanahitaji vifurushi hivi kwanza / The tests need these packages first: sudo apt-get install --no-install-recommends ${missing.join(' ')}`,
  )
  process.exit(1)
}
