/**
 * `npm start`: the app in development (electron-vite dev), once the Electron binary is known to be there.
 * Without it electron-vite would print a localhost address and then fail with "Electron uninstall", which
 * says neither what is missing nor that the same app runs in a browser with `npm run web`.
 */
import { spawn } from 'node:child_process'
import { electronBinary } from '../e2e/electron/electron-binary'

const MISSING_ELECTRON = `Tickler cannot open as a desktop app: the Electron program is not installed.

  What is missing: the Electron binary (node_modules/electron/dist). The electron package is installed,
  but the program it downloads when first used was never fetched (offline, or the download is blocked).

  To get it, run:   node node_modules/electron/install.js
  (a proxy or mirror can be set with ELECTRON_MIRROR; see
   https://www.electronjs.org/docs/latest/tutorial/installation), then run npm start again.

  Meanwhile:        npm run web
  opens the same app in your browser and prints its address (its library is .tickler-data/preview;
  npm run web -- --data-dir <folder> opens another). What only the desktop app has: the tray, OS
  notifications, the global quick-capture shortcut and the native menus.
`

if (!electronBinary()) {
  process.stderr.write(MISSING_ELECTRON)
  process.exit(1)
}
const child = spawn('npx', ['electron-vite', 'dev', ...process.argv.slice(2)], { stdio: 'inherit' })
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
