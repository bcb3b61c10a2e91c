// The desk PC's package, built the way a release is built: esbuild bundles, the pages, then
// electron-builder's `dir` target. Electron's binary cannot be downloaded here, so the test
// hands electron-builder a stand-in Electron folder (one fake `electron` executable): the
// packaging pipeline is real, the runtime it wraps is not. Any download attempt goes to a dead
// proxy on 127.0.0.1, so the check also proves packaging needs no network.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { extractFile, listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/processes.js'
import { tempDir } from '../helpers/temp-dir.js'

const run = promisify(execFile)
const MAX_ASAR_BYTES = 15 * 1024 * 1024

// What a kiosk needs, and nothing else: no node_modules, no sources, no tests, no configs.
const ALLOWED = [
  /^\/package\.json$/,
  /^\/dist-electron\/(main\.mjs|preload\.cjs)$/,
  /^\/dist\/renderer\/(index\.html|favicon\.svg|assets\/[\w.-]+\.(js|css|woff2?|svg|png|wasm))$/,
  /^\/resources\/fonts\/[\w.-]+\.(ttf|txt)$/,
  /^\/resources\/icon\.png$/,
]

function builderElectronVersion(): string {
  const match = /^electronVersion:\s*([\d.]+)\s*$/m.exec(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'))
  if (!match) throw new Error('electron-builder.yml names no electronVersion')
  return match[1]!
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
}

let out: { path: string; remove(): Promise<void> }
let unpacked: string
let asarPath: string
let files: string[]

beforeAll(async () => {
  out = await tempDir('karibu-package-')
  const standInDist = join(out.path, 'stand-in-electron')
  await mkdir(standInDist)
  // the stand-in carries Electron's fuse wire (sentinel, version 1, eight fuses as Electron ships
  // them: run-as-node, NODE_OPTIONS and --inspect on, the rest off) for electron-builder to flip
  const shippedFuses = Buffer.from([49, 48, 49, 49, 48, 48, 48, 49])
  await writeFile(
    join(standInDist, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\n# stand-in for the Electron binary\nexit 0\n# '),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, shippedFuses.length]),
      shippedFuses,
      Buffer.from('\n'),
    ]),
  )
  await chmod(join(standInDist, 'electron'), 0o755)

  await run(process.execPath, ['--import', 'tsx', 'scripts/ensure-renderer.ts'], { cwd: ROOT })
  await run('npm', ['run', '--silent', 'build:electron'], { cwd: ROOT })
  const deadProxy = 'http://127.0.0.1:9'
  await run(
    join(ROOT, 'node_modules/.bin/electron-builder'),
    [
      '--linux',
      'dir',
      `-c.electronDist=${standInDist}`,
      `-c.electronVersion=${builderElectronVersion()}`,
      `-c.directories.output=${join(out.path, 'release')}`,
    ],
    {
      cwd: ROOT,
      timeout: 150_000,
      env: {
        ...process.env,
        HTTP_PROXY: deadProxy,
        HTTPS_PROXY: deadProxy,
        http_proxy: deadProxy,
        https_proxy: deadProxy,
        NO_PROXY: '',
        no_proxy: '',
      },
    },
  )
  unpacked = join(out.path, 'release', 'linux-unpacked')
  asarPath = join(unpacked, 'resources', 'app.asar')
  // listPackage lists folders too; a folder is an entry that prefixes another one.
  const entries = listPackage(asarPath, { isPack: false })
  const folders = new Set(
    entries.flatMap((p) =>
      p
        .split('/')
        .slice(1, -1)
        .map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}`),
    ),
  )
  files = entries.filter((p) => !folders.has(p))
}, 180_000)

afterAll(async () => {
  await out?.remove()
})

/** Electron's fuse sentinel (@electron/fuses' constants): the fuse wire follows it in the binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ON = 49
const OFF = 48

describe('the desk PC package (electron-builder dir, stand-in Electron)', () => {
  it("flips Electron's fuses in the packaged binary: no run-as-node, NODE_OPTIONS or --inspect; encrypted cookies; app only from the checked asar", async () => {
    const wire = (await getCurrentFuseWire(join(unpacked, 'karibu'))) as unknown as Record<number, number>
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      fileProtocol: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({ runAsNode: OFF, cookieEncryption: ON, nodeOptions: OFF, inspect: OFF, asarIntegrity: ON, onlyAsar: ON, fileProtocol: OFF })
  })

  it('holds only the bundles, the built pages, the fonts, the icon and package.json', () => {
    expect(files.filter((p) => !ALLOWED.some((allowed) => allowed.test(p)))).toEqual([])
    for (const needed of [
      '/package.json',
      '/dist-electron/main.mjs',
      '/dist-electron/preload.cjs',
      '/dist/renderer/index.html',
      '/resources/icon.png',
    ]) {
      expect(files).toContain(needed)
    }
    expect(files.some((p) => p.startsWith('/resources/fonts/'))).toBe(true)
  })

  it(`keeps app.asar within ${MAX_ASAR_BYTES / 1024 / 1024} MB`, () => {
    expect(statSync(asarPath).size).toBeLessThanOrEqual(MAX_ASAR_BYTES)
  })

  it('ships no native module and nothing unpacked beside the asar', () => {
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked'))).toBe(false)
    expect(
      filesUnder(unpacked)
        .map((f) => relative(unpacked, f))
        .filter((f) => f.endsWith('.node')),
    ).toEqual([])
  })

  it('starts from the bundled main, named as the Linux executable', () => {
    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main: string; author?: unknown }
    expect(files).toContain(`/${manifest.main}`)
    expect(manifest.author).toBeTruthy()
    expect(existsSync(join(unpacked, 'karibu'))).toBe(true)
  })

  it('tells electron-builder the Electron version package.json asks for', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>
    const range = pkg.optionalDependencies?.electron ?? pkg.devDependencies?.electron
    const wanted = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range ?? '')
    expect(wanted, `electron's range in package.json: ${range}`).not.toBeNull()
    const [major, minor, patch] = builderElectronVersion().split('.').map(Number)
    const [wMajor, wMinor, wPatch] = wanted!.slice(1).map(Number)
    expect(major).toBe(wMajor)
    expect(minor! * 1e6 + patch!).toBeGreaterThanOrEqual(wMinor! * 1e6 + wPatch!)
  })
})
