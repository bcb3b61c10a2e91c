// One HTTP route's contract: what its body (or query) must be, and what a success answers.
// The hub parses requests with `request` at the edge; callers parse answers with `response`.
// `path` is the route's pattern with `:name` for each path part it reads.
import { z } from 'zod'

export interface HttpContract {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  /** the JSON body; absent: the route reads none */
  request?: z.ZodType
  /** the query string, as an object of strings */
  query?: z.ZodType
  /** the JSON answer of a success; absent: the answer is a file or a page */
  response?: z.ZodType
}

/** Every refusal the hub sends: a stable code, and its words in both languages when it has some. */
export const HttpError = z.object({
  ok: z.literal(false),
  error: z.string(),
  message: z.object({ sw: z.string(), en: z.string() }).optional(),
})
export type HttpError = z.infer<typeof HttpError>

/** `{ ok: true, ...fields }`: the shape of every JSON success. */
export const okWith = <T extends z.ZodRawShape>(shape: T) => z.object({ ok: z.literal(true), ...shape })
