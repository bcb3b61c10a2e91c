// The answer must be whole on any screen, from 800×480 to 1920×1080, with the longest real
// content. CSS scales the type with the screen; this lowers the `--fit` factor (the type's
// multiplier) until the content fits its box, and raises it again when there is room.
import { useLayoutEffect, type RefObject } from 'react'

const SMALLEST = 0.35

export function useFitToScreen(box: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const outer = box.current
    const inner = content.current
    if (!outer || !inner) return
    const fits = () => {
      const style = getComputedStyle(outer)
      const room = outer.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
      return inner.scrollHeight <= room && inner.scrollWidth <= inner.clientWidth + 1
    }
    const set = (f: number) => inner.style.setProperty('--fit', String(f))
    const fit = () => {
      set(1)
      let best = 1
      if (!fits()) {
        // a few halvings find the largest factor that fits to within 1%
        let lo = SMALLEST
        let hi = 1
        for (let i = 0; i < 7; i++) {
          const mid = (lo + hi) / 2
          set(mid)
          if (fits()) lo = mid
          else hi = mid
        }
        best = lo
      }
      set(best)
    }
    fit()
    // the screen turning or resizing, and content that changes (the print panel's steps)
    const observer = new ResizeObserver(fit)
    observer.observe(outer)
    const mutations = new MutationObserver(fit)
    mutations.observe(inner, { childList: true, subtree: true, characterData: true })
    return () => {
      observer.disconnect()
      mutations.disconnect()
    }
  }, [box, content])
}
