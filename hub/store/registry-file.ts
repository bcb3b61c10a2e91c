import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { fileExists } from '../../common/files.js'
import { RegistryData } from './registry-data.js'

export class RegistryFileError extends Error {}

/**
 * Opens registry.json with lowdb. `new Low(new JSONFile())`, not JSONFilePreset: the preset
 * silently keeps data in memory under NODE_ENV=test. Never writes on open, so a damaged
 * file is left exactly as it was for a person to look at.
 */
export async function openRegistryFile(path: string, seed: () => RegistryData | Promise<RegistryData>): Promise<Low<RegistryData>> {
  const existed = await fileExists(path)
  const db = new Low<RegistryData>(new JSONFile<RegistryData>(path), null as unknown as RegistryData)
  if (!existed) {
    db.data = await seed()
    await db.write()
    return db
  }
  try {
    await db.read()
  } catch (err) {
    throw new RegistryFileError(`Registry file ${path} is not valid JSON (${(err as Error).message}). The hub will not start on it and has not changed it: restore it from a backup, or move it aside to start a new event.`)
  }
  const parsed = RegistryData.safeParse(db.data)
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '(top)'
    throw new RegistryFileError(`Registry file ${path} does not hold a Karibu registry (first problem at ${where}: ${parsed.error.issues[0]?.message}). The hub will not start on it and has not changed it.`)
  }
  db.data = parsed.data
  return db
}
