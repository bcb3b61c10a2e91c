import { access, open, rename, rm } from 'node:fs/promises'
import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'

export async function fileExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/**
 * Writes a whole file so a reader sees the old or the new text, never half: a temporary file
 * beside it, flushed, then renamed over. Created 0600 (the owner only): what goes through here
 * holds tokens or personal data, and a rename keeps the new file's mode, not the old one's.
 */
export async function writePrivateFile(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp`)
  // a leftover from a crash may carry a wider mode; `mode` applies only to a new file
  await rm(tmp, { force: true })
  const fh = await open(tmp, 'wx', 0o600)
  try {
    try {
      await fh.writeFile(text, 'utf8')
      await fh.sync()
    } finally {
      await fh.close()
    }
    await rename(tmp, path)
  } catch (err) {
    // a full disk: give back what the half-written copy took; the file itself is untouched
    await rm(tmp, { force: true }).catch(() => undefined)
    throw err
  }
}

/** lowdb's JSONFile, but written through writePrivateFile, one write at a time. */
export class PrivateJsonFile<T> implements Adapter<T> {
  private last: Promise<void> = Promise.resolve()

  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    return JSON.parse(text) as T
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2)
    const run = this.last.then(() => writePrivateFile(this.path, text))
    // the next write waits for this one, whether it failed or not
    this.last = run.catch(() => {})
    return run
  }
}
