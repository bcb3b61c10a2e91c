// Socket.IO's own parser, refusing binary attachments. Karibu sends JSON only, and Socket.IO
// carries each attachment in a frame of its own, so attachments would slip past the message
// size cap (each frame under it, the message ten times over). A binary packet now fails to
// decode, and Socket.IO closes that connection.
import { Decoder, Encoder, protocol } from 'socket.io-parser'

class JsonOnlyDecoder extends Decoder {
  constructor() {
    super({ maxAttachments: 0 })
  }
}

export const jsonOnlyParser = { protocol, Encoder, Decoder: JsonOnlyDecoder }
