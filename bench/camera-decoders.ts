// Camera decoders side by side on the same still frames: html5-qrcode's bundled zxing (what the
// kiosk decoded with) and zxing-cpp in WebAssembly (through the BarcodeDetector API, what it
// decodes with now). Badges × QR width 360/200/120 px in 640×480 × clean, dim/noisy and phone
// screen (bench/camera-frames.ts). A presentation is one second of a badge held still: 10
// frames (html5-qrcode's 10 fps), the same scene with fresh sensor noise in each.
// Both decoders run here in Node, the builds the page loads (the .wasm the kiosk ships,
// html5-qrcode's zxing with its own hints); the camera path in Chromium is bench/kiosk.ts and
// tests/e2e/kiosk-camera.test.ts.
// `npx tsx bench/camera-decoders.ts` (60 badges; BENCH_DECODER_BADGES=200 for 200); `npm run bench` runs it with the others.
import { createBadgeSigner, generateBadgeKeys } from '../node-shared/badge-crypto.js'
import { html5QrcodeZxingReads, zxingCppReads, type Frame } from '../tests/fixtures/make-qr-video.js'
import { badgeScene, CONDITIONS, frameOf } from './camera-frames.js'
import { ms, now, summary, table, type BenchResult } from './lib.js'

const BADGES = Number(process.env.BENCH_DECODER_BADGES ?? 60)
const SIZES = [360, 200, 120]
const FRAMES = 10
const FRAME_MS = 100

type Decode = (f: Frame) => Promise<string | null> | string | null

/** When one decoder reads in a presentation: the first frame it reads, and the first even and odd ones (for html5-qrcode's alternation). */
interface Reads {
  first: { frame: number; ms: number } | null
  even: { frame: number; ms: number } | null
  odd: { frame: number; ms: number } | null
}

async function present(decode: Decode, frames: (i: number) => Frame, code: string): Promise<Reads> {
  const reads: Reads = { first: null, even: null, odd: null }
  for (let i = 0; i < FRAMES && !(reads.even && reads.odd); i++) {
    if (i % 2 === 0 ? reads.even : reads.odd) continue
    const frame = frames(i)
    const started = now()
    const text = await decode(frame)
    const took = now() - started
    if (text !== code) continue
    const hit = { frame: i, ms: took }
    reads.first ??= hit
    if (i % 2 === 0) reads.even ??= hit
    else reads.odd ??= hit
  }
  return reads
}

/** Time from the first frame to the code: the frames waited for, then that frame's decode. */
const timeToRead = (hit: { frame: number; ms: number } | null) => (hit ? hit.frame * FRAME_MS + hit.ms : null)

const KIOSKS = [
  'before: html5-qrcode, its own zxing',
  'now: html5-qrcode + zxing-cpp (BarcodeDetector)',
  'zxing-cpp alone, every frame',
] as const

export async function run(): Promise<BenchResult> {
  const sign = createBadgeSigner(generateBadgeKeys().privateKeyPem)
  // different attendees and badge versions: different codes, as at the venue
  const codes = Array.from({ length: BADGES }, (_, i) => sign({ attendeeSeq: 1 + i * 7, badgeVersion: 1 + (i % 3) }))
  const first = badgeScene(codes[0]!, 360, 'clean', 0)
  await zxingCppReads(frameOf(first, 'clean', 0, 0)) // loads the .wasm outside the timings
  const results = new Map<string, { presented: number; times: number[]; firstFrame: number }>()
  const add = (key: string, time: number | null, firstFrame: boolean) => {
    const r = results.get(key) ?? results.set(key, { presented: 0, times: [], firstFrame: 0 }).get(key)!
    r.presented++
    if (time !== null) r.times.push(time)
    if (firstFrame) r.firstFrame++
  }
  const started = now()
  for (const [b, code] of codes.entries())
    for (const size of SIZES)
      for (const condition of CONDITIONS) {
        const seed = b * 1009 + size
        const scene = badgeScene(code, size, condition, seed)
        const frames = (i: number) => frameOf(scene, condition, seed, i)
        const js = await present(html5QrcodeZxingReads, frames, code)
        const cpp = await present(zxingCppReads, frames, code)
        // html5-qrcode hands even frames to the BarcodeDetector and odd ones to its own zxing
        const alternating = [cpp.even, js.odd].filter((h) => h !== null).sort((x, y) => x.frame - y.frame)[0] ?? null
        const times = [timeToRead(js.first), timeToRead(alternating), timeToRead(cpp.first)]
        // the first frame each decoder is handed: frame 0, or frame 1 for html5-qrcode's own zxing when it alternates
        const firstFrame = [js.first?.frame === 0, cpp.even?.frame === 0 || js.odd?.frame === 1, cpp.first?.frame === 0]
        for (const [k, kiosk] of KIOSKS.entries())
          for (const key of [`${kiosk}|${size}|${condition}`, `${kiosk}|all|${condition === 'clean' ? 'clean' : '-'}`, `${kiosk}|all|all`])
            add(key, times[k]!, firstFrame[k]!)
      }
  const seconds = (now() - started) / 1000
  const rows: BenchResult['rows'] = []
  const cells = [...SIZES.flatMap((s) => CONDITIONS.map((c) => [String(s), c])), ['all', 'clean'], ['all', 'all']]
  for (const [size, condition] of cells)
    for (const kiosk of KIOSKS) {
      const r = results.get(`${kiosk}|${size}|${condition}`)!
      const t = summary(r.times)
      rows.push({
        'QR px': size!,
        frame: condition!,
        decoder: kiosk,
        'read in 1 s': `${r.times.length}/${r.presented}`,
        'read %': Number(((100 * r.times.length) / r.presented).toFixed(1)),
        'first frame %': Number(((100 * r.firstFrame) / r.presented).toFixed(1)),
        'time to read p50 ms': ms(t.p50),
        'time to read p95 ms': ms(t.p95),
      })
    }
  return {
    name: `Camera decoders on still badges: ${BADGES} badges × QR 360/200/120 px in 640×480 × 3 conditions, 1 s (10 frames) each`,
    rows,
    notes: [
      'Read in 1 s: the badge read within the 10 frames of one second held still (first presentation); first frame %: read from the first frame a decoder was handed (frame 0; when html5-qrcode alternates, frame 0 to zxing-cpp or frame 1 to its own zxing).',
      'Time to read: from the first frame, 100 ms per frame waited for plus the decode of the frame that read (one core, Node, the builds the page loads); over the badges read.',
      'Now: html5-qrcode alternates frames between the BarcodeDetector (zxing-cpp: frames 0, 2, 4…) and its own zxing (1, 3, 5…); zxing-cpp alone shows the decoder without that alternation.',
      `${seconds.toFixed(0)} s of decoding for ${BADGES * SIZES.length * CONDITIONS.length} presentations.`,
    ],
  }
}

export default run

if (import.meta.url === `file://${process.argv[1]}`) console.log(table(await run()))
