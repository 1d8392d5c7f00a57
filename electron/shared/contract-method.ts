import type { z } from 'zod'

/** One call of the contract: its input and output schemas, which main checks every IPC call against. */
export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output })
