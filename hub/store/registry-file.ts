import { Low } from 'lowdb'
import { fileExists, PrivateJsonFile } from '../../node-shared/files.js'
import { RegistryData } from './registry-data.js'
import { StartError } from '../../node-shared/start-error.js'

export class RegistryFileError extends StartError {}

/**
 * Opens registry.json with lowdb. `new Low(new JSONFile())`, not JSONFilePreset: the preset
 * silently keeps data in memory under NODE_ENV=test. Never writes on open, so a damaged
 * file is left exactly as it was for a person to look at.
 */
export async function openRegistryFile(path: string, seed: () => RegistryData | Promise<RegistryData>): Promise<Low<RegistryData>> {
  const existed = await fileExists(path)
  const db = new Low<RegistryData>(new PrivateJsonFile<RegistryData>(path), null as unknown as RegistryData)
  if (!existed) {
    db.data = await seed()
    await db.write()
    return db
  }
  try {
    await db.read()
  } catch (err) {
    throw new RegistryFileError(
      `Faili la usajili ${path} si JSON halali. Kitovu hakitaanza nalo na hakijalibadilisha: lirejeshe kutoka kwenye nakala ya akiba, au liweke kando kuanza tukio jipya.`,
      `Registry file ${path} is not valid JSON (${(err as Error).message}). The hub will not start on it and has not changed it: restore it from a backup, or move it aside to start a new event.`,
    )
  }
  const parsed = RegistryData.safeParse(db.data)
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '(top)'
    throw new RegistryFileError(
      `Faili ${path} si faili la usajili la Karibu (tatizo la kwanza: ${where}). Kitovu hakitaanza nalo na hakijalibadilisha.`,
      `Registry file ${path} does not hold a Karibu registry (first problem at ${where}: ${parsed.error.issues[0]?.message}). The hub will not start on it and has not changed it.`,
    )
  }
  db.data = parsed.data
  return db
}
