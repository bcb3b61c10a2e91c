// The badge as a static HTML page for window.print() (and Electron's silent print): the same
// layout as the PDF, absolutely placed in millimetres, the QR as inline SVG. No script at all
// (the hub's CSP forbids inline scripts), so data-badge-ready is there from the start. The
// fonts come from the hub itself, so the browser sets the text with the metrics it was fitted to.
import { lineHeightMm, LINE_HEIGHT, type BadgeLayout } from '../../shared/badges/badge-layout.js'
import { qrMatrix, qrSvgPath } from '../../shared/badges/badge-qr.js'
import { attendeeName, type Attendee } from '../../shared/domain.js'

export const FONT_ROUTE = '/badge-assets'

/**
 * For a browser kiosk: the badge page opened with ?print=1 loads this and opens the print
 * dialog once its fonts are in (a file of the hub's own, as the CSP allows no inline script).
 */
export const AUTO_PRINT_SCRIPT = "addEventListener('load', () => document.fonts.ready.then(() => print()))\n"

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const mm = (v: number) => `${Number(v.toFixed(3))}mm`

function element(e: BadgeLayout['elements'][number]): string {
  if (e.kind === 'rect') {
    const fill = e.fill ? `background:${e.fill};` : ''
    const border = e.stroke ? `border:0.18mm solid ${e.stroke};` : ''
    return `<div class="r" data-role="${e.role}" style="left:${mm(e.x)};top:${mm(e.y)};width:${mm(e.w)};height:${mm(e.h)};${fill}${border}"></div>`
  }
  if (e.kind === 'text') {
    const lines = e.lines.map((l) => `<span>${escape(l)}</span>`).join('')
    const style = `left:${mm(e.x)};top:${mm(e.y)};width:${mm(e.w)};font-size:${e.size}pt;line-height:${mm(lineHeightMm(e.size))};font-weight:${e.bold ? 700 : 400};color:${e.color};text-align:${e.align}`
    return `<div class="t" data-role="${e.role}" style="${style}">${lines}</div>`
  }
  const m = qrMatrix(e.code)
  const n = m.size + 2 * e.quiet
  return (
    `<svg class="q" data-role="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges" style="left:${mm(e.x)};top:${mm(e.y)};width:${mm(e.size)};height:${mm(e.size)}">` +
    `<rect width="${n}" height="${n}" fill="#fff"/><path fill="#000" d="${qrSvgPath(m, e.quiet)}"/></svg>`
  )
}

export function badgeHtml(
  layout: BadgeLayout,
  attendee: Pick<Attendee, 'firstName' | 'lastName'>,
  options: { autoPrint?: boolean } = {},
): string {
  const size = `${layout.width}mm ${layout.height}mm`
  return `<!doctype html>
<html lang="sw">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Beji / Badge — ${escape(attendeeName(attendee))}</title>
<style>
@font-face { font-family: 'Karibu Badge'; src: url('${FONT_ROUTE}/DejaVuSans.ttf') format('truetype'); font-weight: 400; }
@font-face { font-family: 'Karibu Badge'; src: url('${FONT_ROUTE}/DejaVuSans-Bold.ttf') format('truetype'); font-weight: 700; }
@page { size: ${size}; margin: 0 }
html, body { margin: 0; padding: 0; background: #fff; }
.badge { position: relative; width: ${mm(layout.width)}; height: ${mm(layout.height)}; overflow: hidden; background: #fff;
  font-family: 'Karibu Badge', 'DejaVu Sans', Verdana, sans-serif; line-height: ${LINE_HEIGHT};
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge > * { position: absolute; box-sizing: border-box; margin: 0; }
.t span { display: block; white-space: nowrap; }
@media screen { body { background: #e0e0e0; padding: 10mm; } .badge { box-shadow: 0 1mm 4mm rgba(0,0,0,.3); } }
</style>
${options.autoPrint ? `<script src="${FONT_ROUTE}/print.js"></script>\n` : ''}</head>
<body>
<div class="badge" data-badge-ready data-format="${layout.format}" data-attendee="${escape(layout.attendeeId)}" data-badge-version="${layout.badgeVersion}">
${layout.elements.map(element).join('\n')}
</div>
</body>
</html>
`
}
