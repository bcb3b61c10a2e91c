// Starts one of the hub's worker threads from where the hub runs: from source under tsx
// (`npm start`, tests), or from a bundle. A bundle must emit each worker entry as a file of its
// own beside the hub's bundle, named as `bundled` says (for the badge drawer: hub/badges/
// badge-draw-worker.ts → badge-draw-worker.mjs next to main.mjs), since a worker is a file the
// thread loads, not a module the bundle can inline.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/** Running from the TypeScript sources (tsx, vitest) rather than from a bundle. */
const fromSource = import.meta.url.endsWith('.ts')

/**
 * `source`: the entry's .ts file, as new URL('./x-worker.ts', import.meta.url) in its neighbour;
 * `bundled`: the entry's file name in the bundle's folder.
 */
export function startHubWorker(source: URL, bundled: string, options: WorkerOptions = {}): Worker {
  if (!fromSource) return new Worker(new URL(`./${bundled}`, import.meta.url), options)
  // tsx is registered in the thread before its TypeScript entry is loaded
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source.href)}) })`
  return new Worker(boot, { ...options, eval: true })
}
