// A QR code drawn in the browser (the qrcode package), as an image a phone or kiosk can scan.
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

export function QrImage({ text, size = 220, label, testId }: { text: string; size?: number; label: string; testId?: string }) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    QRCode.toDataURL(text, { width: size, margin: 2, errorCorrectionLevel: 'M' }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    )
    return () => {
      live = false
    }
  }, [text, size])
  if (!src) return null
  return <img className="admin-qr" src={src} width={size} height={size} alt={label} data-testid={testId} data-qr-text={text} />
}
