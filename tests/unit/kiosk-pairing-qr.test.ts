// The pairing QR the admin page shows, read back at the kiosk: only a real one pairs.
import { describe, expect, it } from 'vitest'
import { parsePairingQr } from '../../renderer/src/pages/kiosk/logic/pairing-qr.js'

describe('pairing QR', () => {
  it('reads what the admin page encodes', () => {
    expect(parsePairingQr(JSON.stringify({ hub: 'http://192.168.1.10:4280', code: 'abc234' }))).toEqual({
      hubUrl: 'http://192.168.1.10:4280',
      code: 'ABC234',
    })
    expect(parsePairingQr(JSON.stringify({ hub: 'https://hub.example/admin', code: 'ZZZZZZ' }))).toEqual({
      hubUrl: 'https://hub.example',
      code: 'ZZZZZZ',
    })
  })

  it('refuses badges, other schemes, bad codes and junk', () => {
    for (const text of [
      'AQI9AQHvD3vYc1bk2V7l8yW1FbA8cA4hzr3nNOVvQW0tJjU7ZKqJ9m0pT4qgk9dWl0Hxz3aYk1s3FvD2cX8y7kQzAA',
      JSON.stringify({ hub: 'javascript:alert(1)', code: 'ABC234' }),
      JSON.stringify({ hub: 'file:///etc/passwd', code: 'ABC234' }),
      JSON.stringify({ hub: 'http://h:4280', code: 'ABC23' }),
      JSON.stringify({ hub: 'http://h:4280', code: 'ABC2345' }),
      JSON.stringify({ hub: 42, code: 'ABC234' }),
      JSON.stringify(['http://h:4280', 'ABC234']),
      JSON.stringify({ hub: 'http://h:4280', code: 'ABC234', pad: 'x'.repeat(400) }),
      'null',
      '{',
    ])
      expect(parsePairingQr(text), text.slice(0, 40)).toBeNull()
  })
})
