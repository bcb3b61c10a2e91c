// The hub's one typeface, DejaVu Sans, shipped in resources/fonts/ (Bitstream Vera licence) so
// badges and registers set the same on every machine: it has every letter of Kiswahili names
// and the ’ in Ng’wanangwa, and the badge layout is fitted to its metrics.
import { fileURLToPath } from 'node:url'

const dir = (name: string) => fileURLToPath(new URL(`../resources/fonts/${name}`, import.meta.url))

export const FONT_FILES = {
  regular: dir('DejaVuSans.ttf'),
  bold: dir('DejaVuSans-Bold.ttf'),
} as const
