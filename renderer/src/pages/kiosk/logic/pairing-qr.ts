// The pairing QR the admin page shows ({"hub": "<address>", "code": "<6 characters>"}), read by
// the kiosk's camera or USB scanner so nobody types a hub address at a desk. Pure; anything else
// (a badge, a mistyped burst) is not a pairing code.
export interface PairingQr {
  hubUrl: string
  code: string
}

export function parsePairingQr(text: string): PairingQr | null {
  if (text.length > 300) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (!value || typeof value !== 'object') return null
  const { hub, code } = value as { hub?: unknown; code?: unknown }
  if (typeof hub !== 'string' || typeof code !== 'string' || !/^[A-Za-z0-9]{6}$/.test(code)) return null
  try {
    const url = new URL(hub)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    return { hubUrl: url.origin, code: code.toUpperCase() }
  } catch {
    return null
  }
}
