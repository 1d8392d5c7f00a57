import type { TicklerApi } from '../../electron/shared/contract'

/** Import calls for renderer tests that do not import: each answers as core would for an unknown upload. */
export function createFakeImport(): Pick<TicklerApi, 'import'> {
  const unknown = async (): Promise<never> => {
    throw new Error('That upload is unknown or already finished; pick the file again.')
  }
  return {
    import: {
      begin: async () => ({ uploadId: '0123456789abcdef0123' }),
      chunk: unknown,
      start: unknown,
      cancel: async () => ({ cancelled: false }),
      discard: async () => ({ discarded: false }),
      interrupted: async () => [],
    },
  }
}
