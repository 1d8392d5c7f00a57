import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/*
 * Runs the project's real ESLint config on small probe sources placed (virtually) inside each layer and
 * checks that the layering rules reject cross-layer imports and accept the legal ones. The probe files do
 * not exist on disk; ESLint lints the given text as if it lived at that path. Type information is switched
 * off because a file outside the TypeScript project cannot get any, and the import rules do not need it.
 */
let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [tseslint.configs.disableTypeChecked] })
})

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  const fatal = result?.messages.filter((m) => m.fatal) ?? []
  expect(fatal, `${filePath} did not parse`).toEqual([])
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message)
}

type Case = [file: string, code: string]

const illegal: Case[] = [
  ['src/probe.ts', "import { ipcRenderer } from 'electron'"],
  ['src/probe.ts', "import { readFile } from 'node:fs/promises'"],
  ['src/probe.ts', "import { join } from 'path'"],
  ['src/features/notes/probe.tsx', "import { openLibrary } from '../../../electron/core/index'"],
  ['src/probe.ts', "import type { Library } from '../electron/core/types'"],
  ['src/probe.ts', "import { contract } from '../electron/shared/contract'"],
  ['src/probe.ts', "import { INBOX_ID, type Note } from '../electron/shared/model'"],
  ['src/probe.test.ts', "import { app } from 'electron'"],
  ['src/features/probe.ts', "import { Note } from '../../electron/shared/model'"],
  ['src/probe.ts', "import { parseQuery } from '../electron/shared'"],
  ['electron/shared/domain/probe.ts', "import { z } from 'zod'"],
  ['electron/shared/domain/probe.ts', "import { readFileSync } from 'node:fs'"],
  ['electron/shared/domain/probe.ts', "import { Note } from '../model'"],
  ['electron/shared/domain/probe.ts', "import type { Library } from '../../core/types'"],
  ['electron/shared/probe.ts', "import { app } from 'electron'"],
  ['electron/shared/probe.ts', "import { readFileSync } from 'node:fs'"],
  ['electron/shared/probe.ts', "import { Low } from 'lowdb'"],
  ['electron/shared/probe.ts', "import { openLibrary } from '../core/index'"],
  ['electron/core/probe.ts', "import { app } from 'electron'"],
  ['electron/core/probe.ts', "import type { BrowserWindow } from 'electron'"],
  ['electron/core/probe.ts', "import { registerIpc } from '../main/ipc'"],
  ['electron/core/sub/probe.ts', "import { registerIpc } from '../../../electron/main/ipc'"],
  ['electron/cli/probe.ts', "import { dialog } from 'electron'"],
  ['electron/cli/probe.ts', "import { createMainWindow } from '../main/window'"],
  ['electron/preload/probe.ts', "import { readFileSync } from 'fs'"],
  ['electron/preload/probe.ts', "import { z } from 'zod'"],
  ['electron/preload/probe.ts', "import { openLibrary } from '../core/index'"],
  ['electron/main/probe.ts', "import { createBridge } from '../preload/bridge'"],
  ['electron/main/probe.ts', "import { App } from '../../src/app/App'"],
  ['e2e/preview/probe.ts', "import { app } from 'electron'"],
]

const legal: Case[] = [
  ['src/probe.ts', "import type { Note } from '../electron/shared/model'"],
  ['src/probe.ts', "import { type TicklerApi } from '../electron/shared/contract'"],
  ['src/probe.tsx', "import { useState } from 'react'"],
  ['src/probe.test.ts', "import { INBOX_ID } from '../electron/shared/model'"],
  ['src/features/probe.ts', "import { formatBytes } from '../../electron/shared/domain/attachment'"],
  [
    'electron/shared/domain/probe.ts',
    "import type { Note } from '../model'\nimport { ATTACHMENT_NODE } from './attachment'",
  ],
  ['electron/shared/domain/probe.ts', "import { parseDate } from 'chrono-node'"],
  ['electron/shared/probe.ts', "import { formatBytes } from './domain/attachment'"],
  ['electron/shared/probe.ts', "import { z } from 'zod'\nimport { Note } from './model'"],
  ['electron/shared/probe.test.ts', "import { describe } from 'vitest'\nimport { tmpdir } from 'node:os'"],
  [
    'electron/core/probe.ts',
    "import { readFile } from 'node:fs/promises'\nimport { dispatch } from '../shared/rpc'",
  ],
  ['electron/cli/probe.ts', "import { openLibrary } from '../core/index'"],
  [
    'electron/preload/probe.ts',
    "import { contextBridge } from 'electron'\nimport { buildApi } from '../shared/rpc'",
  ],
  ['electron/preload/probe.test.ts', "import { it } from 'vitest'"],
  ['electron/main/probe.ts', "import { app } from 'electron'\nimport { openLibrary } from '../core/index'"],
  ['e2e/preview/probe.ts', "import { openLibrary } from '../../electron/core/index'"],
]

describe('layering lint rules', () => {
  it.each(illegal)('%s rejects: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([])
  })

  it.each(legal)('%s allows: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([])
  })

  it('explains the rule in the message', async () => {
    const [message] = await restrictedImports('src/probe.ts', "import { app } from 'electron'")
    expect(message).toMatch(/window\.tickler/)
  })
})
