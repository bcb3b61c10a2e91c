// A desk PC is switched on in the morning by whoever arrives first: the kiosk starts at login.
// Linux has no installer step for an AppImage, so main writes the user's autostart entry itself
// (XDG autostart spec); on Windows the nsis installer makes the start-up shortcut
// (resources/installer.nsh).
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export const AUTOSTART_FILE = 'karibu.desktop'

// Exec arguments are quoted per the Desktop Entry spec, so a path with spaces still starts.
function quoteExec(path: string): string {
  return `"${path.replace(/(["`$\\])/g, '\\$1')}"`
}

export function linuxAutostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Karibu',
    'Comment=Kioski cha kuingia / Check-in kiosk',
    `Exec=${quoteExec(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

export interface AutostartTarget {
  /** $XDG_CONFIG_HOME, or ~/.config */
  configHome: string
  /** the AppImage file when run as one ($APPIMAGE), otherwise the installed executable */
  executable: string
}

// The desktop's own "start at login" switch writes one of these; an entry turned off stays off.
const TURNED_OFF = /^(Hidden=true|X-GNOME-Autostart-enabled=false)\s*$/m

/**
 * Writes the entry when it is missing or points elsewhere (an AppImage moved to a new place),
 * and leaves one the desk's technician turned off alone.
 */
export async function installLinuxAutostart({ configHome, executable }: AutostartTarget): Promise<string> {
  const dir = join(configHome, 'autostart')
  const path = join(dir, AUTOSTART_FILE)
  const wanted = linuxAutostartEntry(executable)
  const current = await readFile(path, 'utf8').catch(() => null)
  if (current !== null && TURNED_OFF.test(current)) return path
  if (current !== wanted) {
    await mkdir(dir, { recursive: true })
    await writeFile(path, wanted)
  }
  return path
}
