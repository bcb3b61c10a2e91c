// Listens for a USB barcode scanner on the whole window, so a scan lands whatever has focus
// (or nothing at all). Capture phase: a focused widget cannot swallow the keys first. When
// a scan ends, its Enter/Tab is cancelled so it neither presses a focused button nor moves
// focus; `onScan` gets the code and is told whether it was typed into a text field.
import { useEffect, useRef } from 'react'
import { WedgeDetector } from '../logic/scanner-wedge'

const isTextField = (el: EventTarget | null): el is HTMLInputElement | HTMLTextAreaElement =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(el.type))

export function useScannerWedge(onScan: (code: string, typedIntoField: boolean) => void, enabled = true) {
  const onScanRef = useRef(onScan)
  useEffect(() => {
    onScanRef.current = onScan
  })

  useEffect(() => {
    if (!enabled) return
    const detector = new WedgeDetector()
    const onKey = (e: KeyboardEvent) => {
      // shortcuts are a person at the keyboard, not a scanner
      if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return detector.reset()
      const code = detector.push({ key: e.key, timeStamp: e.timeStamp, repeat: e.repeat })
      if (!code) return
      e.preventDefault()
      e.stopPropagation()
      onScanRef.current(code, isTextField(e.target))
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [enabled])
}
