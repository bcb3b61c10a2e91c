// The attendee fields an import can fill, and the largest file it reads. No zod here: the
// admin page reads these values at run time (the schemas are in shared/http/import.ts).

export const IMPORT_FIELDS = [
  'externalId',
  'fullName',
  'firstName',
  'lastName',
  'title',
  'organisation',
  'orgType',
  'category',
  'groupId',
  'phone',
  'email',
  'flags',
  'vip',
  'speaker',
  'exhibitor',
  'press',
  'staff',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

export const IMPORT_MAX_FILE_BYTES = 10 * 1024 * 1024
/** base64 is 4/3 of the bytes; a little room for the JSON around it */
export const IMPORT_MAX_BODY = Math.ceil((IMPORT_MAX_FILE_BYTES * 4) / 3) + 64 * 1024
