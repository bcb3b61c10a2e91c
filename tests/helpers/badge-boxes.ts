import { lineHeightMm, type TextElement } from '../../shared/badges/badge-layout.js'

/** The box a text element covers, mm: what the overlap checks compare. */
export function textBox(e: TextElement): { x: number; y: number; w: number; h: number } {
  return { x: e.x, y: e.y, w: e.w, h: e.lines.length * lineHeightMm(e.size) }
}
