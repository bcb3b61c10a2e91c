// What CUPS says about a badge printer and its jobs, from lpstat's long listing: a paused
// queue (stopped), an alert of media-empty, or a job whose backend cannot reach the printer
// (offline). lpstat rather than IPP: it is what is installed with the cups client everywhere.
import type { PrinterHealth, PrinterState } from '../../shared/badges/printer-health.js'
import { PRINTER_NAME, run } from './cups.js'

/** The printer-level state in one `lpstat -l -p` block. */
function stateOfBlock(block: string): { state: PrinterState; message?: string } {
  const alerts = /^\s*Alerts:\s*(.*)$/m.exec(block)?.[1] ?? ''
  const second = block.split('\n')[1]?.trim()
  const message = second && !/^(Form mounted|Content types)/.test(second) ? second.slice(0, 200) : undefined
  const withMessage = (state: PrinterState) => (message ? { state, message } : { state })
  if (/media-empty|media-needed/.test(alerts)) return withMessage('media-empty')
  if (/offline|connecting-to-device/.test(alerts)) return withMessage('offline')
  if (/ disabled since /.test(block.split('\n')[0] ?? '')) return withMessage('stopped')
  return { state: 'ready' }
}

/** Health of each printer; a printer CUPS does not know, or a CUPS that does not answer, is unknown. */
export async function printerHealth(printers: string[]): Promise<Map<string, PrinterHealth>> {
  const names = [...new Set(printers.filter((p) => PRINTER_NAME.test(p)))]
  if (names.length === 0) return new Map()
  const [printersR, jobsR] = await Promise.all([
    run('lpstat', ['-l', '-p', names.join(',')], null, 5_000),
    run('lpstat', ['-l', '-o', names.join(',')], null, 5_000),
  ])
  return parseHealth(names, printersR.stdout, jobsR.stdout)
}

/** The health of `names` from `lpstat -l -p` and `lpstat -l -o` output. */
export function parseHealth(names: string[], printersOut: string, jobsOut: string): Map<string, PrinterHealth> {
  const out = new Map<string, PrinterHealth>(names.map((p) => [p, { printer: p, state: 'unknown' }]))
  for (const block of printersOut.split(/\n(?=printer )/)) {
    const name = /^printer (\S+)/.exec(block)?.[1]
    if (name && out.has(name)) out.set(name, { printer: name, ...stateOfBlock(block) })
  }
  // a job the backend cannot deliver says so in its status while the printer still looks idle
  for (const block of jobsOut.split(/\n(?=\S)/)) {
    const id = /^(\S+)-\d+\s/.exec(block)?.[1]
    const status = /^\s*Status:\s*(.*)$/m.exec(block)?.[1] ?? ''
    const h = id ? out.get(id) : undefined
    if (h && h.state === 'ready' && /unavailable|not exist|unable to connect|connection refused/i.test(status))
      out.set(h.printer, { printer: h.printer, state: 'offline', message: status.slice(0, 200) })
  }
  return out
}

/** Cancels a CUPS job (a badge moved to another printer must not print here too when this one comes back). */
export async function cancelJob(cupsJobId: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_.@+-]+-\d+$/.test(cupsJobId)) return false
  return (await run('cancel', [cupsJobId], null, 5_000)).code === 0
}
