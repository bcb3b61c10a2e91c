/** A group's name on its own colour, with text dark or light for whichever reads on it. */
export function GroupChip({ name, color }: { name: string; color: string }) {
  return (
    <span className="kiosk-group" data-testid="group-chip" style={{ background: color, color: readableOn(color) }}>
      {name}
    </span>
  )
}

/** Relative luminance (WCAG) decides: light backgrounds get dark text. */
export function readableOn(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) return '#fff'
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = parseInt(c ?? '0', 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? '#111' : '#fff'
}
