// @ts-check
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/*
 * Layering (see the architecture guide): shared <- core <- main / cli / preview; preload imports shared
 * only; the renderer (src/) never uses Node or Electron. electron/shared has two parts: the domain
 * (electron/shared/domain: plain rules with no zod and no Node, which the renderer imports by value so
 * each rule is written once) and the contract (the rest: zod schemas, which the renderer may import as
 * types only, so no schema code ships in the page).
 * Enforced with no-restricted-imports per folder, as VS Code's code-layering rule does. Relative imports
 * are matched by regex because a layer can be reached as '../core/x' or '../../electron/core/x'.
 * Formatting is Prettier's job: none of the configs below turn on stylistic rules.
 */

const builtins = builtinModules.filter((m) => !m.startsWith('_')).join('|')
const NODE_BUILTINS = `^(node:.*|(${builtins})(/.*)?)$`
/** electron/shared outside its domain/ folder, reached from the renderer as '../../electron/shared/x'. */
const CONTRACT = '(^|/)electron/shared(/(?!domain(/|$))|$)'
const layer = (names) => `(^|/)electron/(${names})(/|$)|^(\\.\\./)+(${names})(/|$)`

const forbid = {
  electron: { name: 'electron', message: 'Only electron/main and electron/preload may use Electron.' },
  node: { regex: NODE_BUILTINS, message: 'This layer must not use Node built-ins; core does that.' },
  src: { regex: '(^|/)src/', message: 'Nothing outside the renderer imports renderer code.' },
  /** Bare package names other than those listed (and other than Node built-ins, reported separately). */
  packagesExcept: (allowed, message) => ({
    regex: `^(?!((${allowed})(/|$)|node:|(${builtins})(/|$)))[^./]`,
    message,
  }),
}

function restrict(paths, patterns) {
  return {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
  }
}

const TESTS = ['**/*.test.ts', '**/*.test.tsx']

/** Pattern entries marked `strictOnly` apply to production code but not to tests. */
function layerBlocks(tests) {
  const pick = (patterns) =>
    patterns.filter((p) => !(tests && p.strictOnly)).map(({ strictOnly: _, ...p }) => p)
  const block = (folder, paths, patterns) => {
    const root = folder.slice(0, folder.indexOf('/**'))
    const where = tests ? { files: TESTS.map((t) => `${root}/${t}`) } : { files: [folder], ignores: TESTS }
    return { ...where, rules: restrict(paths, pick(patterns)) }
  }
  return [
    block(
      'src/**/*.{ts,tsx}',
      [{ ...forbid.electron, message: 'The renderer reaches Electron only through window.tickler.' }],
      [
        {
          ...forbid.node,
          strictOnly: true,
          message: 'The renderer never uses Node; ask core through window.tickler.',
        },
        {
          regex: layer('core|main|cli|preload'),
          message: 'The renderer may not import core, main, cli or preload; use window.tickler.',
        },
        {
          regex: CONTRACT,
          allowTypeImports: true,
          strictOnly: true,
          message:
            'The renderer imports the contract (electron/shared outside domain/) with `import type` only, so no schema code ships in it; plain rules it needs belong in electron/shared/domain.',
        },
        { regex: '(^|/)e2e/', message: 'The renderer does not import test infrastructure.' },
      ],
    ),
    block(
      'electron/shared/**/*.ts',
      [{ ...forbid.electron, message: 'electron/shared is pure: no Electron.' }],
      [
        {
          ...forbid.node,
          strictOnly: true,
          message: 'electron/shared is pure: no Node built-ins (it also runs in the renderer).',
        },
        {
          ...forbid.packagesExcept(
            'zod|chrono-node|electron',
            'electron/shared depends on zod and chrono-node only.',
          ),
          strictOnly: true,
        },
        {
          regex: layer('core|main|cli|preload'),
          message: 'electron/shared is the bottom layer; it imports nothing above it.',
        },
        forbid.src,
      ],
    ),
    block(
      'electron/shared/domain/**/*.ts',
      [{ ...forbid.electron, message: 'The domain is pure: no Electron.' }],
      [
        {
          ...forbid.node,
          strictOnly: true,
          message: 'The domain is pure: no Node built-ins (the renderer imports it).',
        },
        {
          ...forbid.packagesExcept(
            'chrono-node',
            'The domain uses no packages but chrono-node: no zod (that is the contract).',
          ),
          strictOnly: true,
        },
        {
          // The domain is one flat folder: '../x' is the contract, '../../x' a layer above (refused below).
          regex: '^\\.\\./(?!\\.\\.)',
          allowTypeImports: true,
          strictOnly: true,
          message: 'The domain imports the contract (electron/shared outside domain/) as types only.',
        },
        {
          regex: layer('core|main|cli|preload'),
          message: 'electron/shared is the bottom layer; it imports nothing above it.',
        },
        forbid.src,
      ],
    ),
    block(
      'electron/core/**/*.ts',
      [
        {
          ...forbid.electron,
          message: 'electron/core runs in the CLI and the preview too: never import Electron.',
        },
      ],
      [
        { regex: layer('main|cli|preload'), message: 'electron/core may import only electron/shared.' },
        forbid.src,
      ],
    ),
    block(
      'electron/cli/**/*.ts',
      [{ ...forbid.electron, message: 'The CLI runs without Electron.' }],
      [
        {
          regex: layer('main|preload'),
          message: 'The CLI builds on electron/core and electron/shared only.',
        },
        forbid.src,
      ],
    ),
    block(
      'electron/main/**/*.ts',
      [],
      [
        {
          regex: layer('cli|preload'),
          message: 'Main loads the preload by its built path; shared code lives in electron/shared.',
        },
        forbid.src,
      ],
    ),
    block(
      'electron/preload/**/*.ts',
      [],
      [
        {
          ...forbid.node,
          strictOnly: true,
          message: 'A sandboxed preload has no Node; it may import electron and electron/shared only.',
        },
        {
          ...forbid.packagesExcept('electron', 'The preload may import electron and electron/shared only.'),
          strictOnly: true,
        },
        {
          regex: layer('core|main|cli'),
          message: 'The preload may import electron and electron/shared only.',
        },
        forbid.src,
      ],
    ),
    block(
      'e2e/preview/**/*.ts',
      [{ ...forbid.electron, message: 'The browser preview hosts core without Electron.' }],
      [
        {
          regex: layer('main|preload'),
          message: 'The preview builds on electron/core and electron/shared only.',
        },
      ],
    ),
  ]
}

export default defineConfig(
  globalIgnores([
    'out/',
    'dist/',
    'release/',
    'node_modules/',
    'coverage/',
    'test-results/',
    'playwright-report/',
  ]),
  // Deliberately broken sources kept for lint tests; tsconfig.json excludes them as well.
  globalIgnores(['e2e/lint-fixtures/**']),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // An async function that never awaits is still useful: it turns a throw into a rejection, which is
      // what contract handlers and fakes of Promise-returning interfaces rely on.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  {
    // Tests read files back with JSON.parse and poke at untyped results on purpose; their assertions are the
    // type check there. Production code keeps the full no-unsafe-* set.
    files: TESTS,
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },

  // Globals per runtime.
  { files: ['electron/**', 'tests/**', 'scripts/**', '*.ts'], languageOptions: { globals: globals.node } },
  { files: ['src/**'], languageOptions: { globals: globals.browser } },
  // Playwright specs run in Node but pass functions into the page; the preview shim runs in the page.
  { files: ['e2e/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },

  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },

  // Layers. Test files get the same rules minus the ones about test tooling: a test may use vitest,
  // Node built-ins for temp folders, and (in the renderer) real values from electron/shared.
  ...layerBlocks(false),
  ...layerBlocks(true),
)
