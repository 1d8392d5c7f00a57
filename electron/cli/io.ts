/** Where a command writes; tests pass buffers, the real CLI passes process streams. */
export interface Io {
  out(text: string): void
  err(text: string): void
}

export class UsageError extends Error {}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
}
