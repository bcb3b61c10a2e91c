// A really full disk for a test: a tmpfs of a few pages, mounted and removed by the test.
// Needs root (CI and these machines run as root); where mounting is not allowed, null.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface SmallDisk {
  path: string
  remove(): Promise<void>
}

export async function mountSmallDisk(sizeKiB: number): Promise<SmallDisk | null> {
  const path = await mkdtemp(join(tmpdir(), 'karibu-small-disk-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', path], { stdio: 'ignore', timeout: 5000 })
  } catch {
    await rm(path, { recursive: true, force: true })
    return null
  }
  return {
    path,
    async remove() {
      execFileSync('umount', [path], { stdio: 'ignore', timeout: 5000 })
      await rm(path, { recursive: true, force: true })
    },
  }
}
