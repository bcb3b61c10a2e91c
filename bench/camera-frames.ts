// Still camera frames of a badge for the camera decoder benchmark: 640×480 RGBA, the badge's
// QR (as printed: level M, 4 quiet modules) at a given width, in three conditions. Seeded, so
// every run and both decoders see the same pixels.
import { qrMatrix, QR_QUIET_MODULES } from '../shared/badges/badge-qr.js'
import type { Frame } from '../tests/fixtures/make-qr-video.js'

export const FRAME_WIDTH = 640
export const FRAME_HEIGHT = 480

export type Condition = 'clean' | 'dim, noisy' | 'phone screen'
export const CONDITIONS: Condition[] = ['clean', 'dim, noisy', 'phone screen']

/** Small, seeded PRNG (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const gaussian = (rnd: () => number) => Math.sqrt(-2 * Math.log(rnd() || 1e-9)) * Math.cos(2 * Math.PI * rnd())

/** The camera's sensor noise (σ), new in every frame: a still badge is never quite the same frame twice. */
const NOISE: Record<Condition, number> = { clean: 2, 'dim, noisy': 10, 'phone screen': 4 }

/**
 * What the camera sees of a badge held still, without its sensor noise:
 * - clean: black on white paper, evenly lit;
 * - dim, noisy: a badge in a dark corner: contrast 45–125, the camera's blur (3×3), and noise σ 10;
 * - phone screen: a dark-mode wallet (light modules on dark) on a phone on a grey desk, the
 *   screen's moiré against the camera's pixels (±12 % stripes) and a glare spot.
 */
export function badgeScene(code: string, qrWidth: number, condition: Condition, seed: number): Float32Array {
  const m = qrMatrix(code)
  const modules = m.size + 2 * QR_QUIET_MODULES
  const W = FRAME_WIDTH
  const H = FRAME_HEIGHT
  const ox = Math.round((W - qrWidth) / 2)
  const oy = Math.round((H - qrWidth) / 2)
  const rnd = random(seed)
  const phone = condition === 'phone screen'
  const [ink, paper, surround] = condition === 'clean' ? [0, 255, 255] : condition === 'dim, noisy' ? [45, 125, 125] : [215, 25, 110]
  // the phone's screen reaches a little past the code's quiet zone
  const screen = Math.round(qrWidth * 0.12)
  const luma = new Float32Array(W * H)
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let v = surround
      const inScreen = x >= ox - screen && x < ox + qrWidth + screen && y >= oy - screen && y < oy + qrWidth + screen
      if (phone && inScreen) v = paper
      if (x >= ox && x < ox + qrWidth && y >= oy && y < oy + qrWidth) {
        const col = Math.floor(((x - ox) * modules) / qrWidth) - QR_QUIET_MODULES
        const row = Math.floor(((y - oy) * modules) / qrWidth) - QR_QUIET_MODULES
        v = row >= 0 && col >= 0 && row < m.size && col < m.size && m.dark(row, col) ? ink : paper
      }
      luma[y * W + x] = v
    }
  let out = luma
  if (condition === 'dim, noisy') {
    out = new Float32Array(W * H)
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        let sum = 0
        let n = 0
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx
            const yy = y + dy
            if (xx >= 0 && yy >= 0 && xx < W && yy < H) {
              sum += luma[yy * W + xx]!
              n++
            }
          }
        out[y * W + x] = sum / n
      }
  }
  if (phone) {
    const angle = 0.3 + rnd() * 0.4
    const period = 3.1 + rnd() * 0.6
    const gx = ox + qrWidth * (0.25 + rnd() * 0.5)
    const gy = oy + qrWidth * (0.25 + rnd() * 0.5)
    const spread = 2 * (qrWidth / 4) ** 2
    for (let y = oy - screen; y < oy + qrWidth + screen; y++)
      for (let x = ox - screen; x < ox + qrWidth + screen; x++) {
        if (x < 0 || y < 0 || x >= W || y >= H) continue
        const i = y * W + x
        const stripes = 1 + 0.12 * Math.sin((2 * Math.PI * (x * Math.cos(angle) + y * Math.sin(angle))) / period)
        out[i] = out[i]! * stripes + 60 * Math.exp(-((x - gx) ** 2 + (y - gy) ** 2) / spread)
      }
  }
  return out
}

/** Frame `index` of a still scene: the scene plus that frame's own sensor noise, as RGBA. */
export function frameOf(scene: Float32Array, condition: Condition, seed: number, index: number): Frame {
  const rnd = random(seed * 1000 + index)
  const sigma = NOISE[condition]
  const data = new Uint8ClampedArray(scene.length * 4)
  for (let i = 0; i < scene.length; i++) {
    data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = scene[i]! + sigma * gaussian(rnd)
    data[i * 4 + 3] = 255
  }
  return { data, width: FRAME_WIDTH, height: FRAME_HEIGHT }
}
