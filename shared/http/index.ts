// Every HTTP route's contract, one list: tests/unit/http-contracts.test.ts checks each hub
// route has one here and each contract has its route.
import { badgeContracts } from './badges.js'
import { certificateContracts } from './certificates.js'
import type { HttpContract } from './contract.js'
import { coreContracts } from './core.js'
import { credentialContracts } from './credentials.js'
import { eventContracts } from './event.js'
import { exportContracts } from './exports.js'
import { importContracts } from './import.js'
import { kioskContracts } from './kiosks.js'
import { walkInContracts } from './walk-in.js'

export const HTTP_CONTRACTS: readonly HttpContract[] = [
  ...coreContracts,
  ...credentialContracts,
  ...eventContracts,
  ...importContracts,
  ...walkInContracts,
  ...kioskContracts,
  ...exportContracts,
  ...badgeContracts,
  ...certificateContracts,
]
