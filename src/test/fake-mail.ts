import type { TicklerApi } from '../../electron/shared/contract'

/** Mail calls for renderer tests that use no mail account: no accounts, and nothing to open. */
export function createFakeMail(): Pick<TicklerApi, 'mail'> {
  const none = async (): Promise<never> => {
    throw new Error('There is no such mail account.')
  }
  return {
    mail: {
      accounts: async () => ({ accounts: [], passwordStorage: 'memory' }),
      test: none,
      add: none,
      update: none,
      remove: none,
      check: none,
      trustCertificate: none,
      linkInfo: async () => ({ messageId: null, account: null, openWith: null }),
      openMessage: async () => ({ opened: false, openWith: null }),
    },
  }
}
