// Characters that take no room on a screen or a badge: a name made only of them would print as
// nothing, and inside a name they let two look alike while comparing unequal.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g

export const withoutInvisible = (s: string) => s.replace(INVISIBLE, '')
