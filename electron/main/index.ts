import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, safeStorage, shell } from 'electron'
import { changedEvent, createHandlers, createSearch, type Library, type SearchService } from '../core/index'
import { ELECTRON_ATTACHMENT_BASE } from '../core/attachments/protocol'
import { handleAttachmentProtocol } from './protocols/attachment-protocol'
import { resolveDataDir } from './host/data-dir'
import { chooseExportFolder, openPathSafely, showInFolder } from './host/host-files'
import { createTransferMenu } from './menus/transfer-menu'
import { ImportJobs } from '../core/transfer/import/jobs'
import { createHostSync } from '../core/sync/host-sync'
import { startFollowUps } from './followups/followups'
import { openMainMail, secretStoreFor, type MainMail } from './mail/mail'
import { createEmitter, registerIpc } from './ipc/ipc'
import { createFlushGate } from './windows/flush-gate'
import { appMenu } from './menus/app-menu'
import { setLanguageChoice } from './menus/ui-language'
import { openAppLibrary } from './host/open-app-library'
import { describeCorruptFiles } from './host/notices'
import { buildCsp, type RendererLocation } from './security/renderer-origin'
import { RENDERER_PAGE_URL } from './protocols/renderer-files'
import { handleRendererProtocol, registerPrivilegedSchemes } from './protocols/renderer-protocol'
import { installContentGuards, installSessionPolicy, openExternalSafely } from './security/security'
import { createSenderCheck } from './ipc/sender-check'
import { PROTOCOL } from './followups/toast-actions'
import { createMainWindow, focusWindow } from './windows/window'
import { startCapture, type CaptureRuntime } from './capture/capture'
import { isWaylandSession, wantsCapture } from './capture/global-shortcut'

const APP_ID = 'app.tickler.desktop'

// Built layout: out/main/index.js beside out/preload/index.cjs and out/renderer/ (served as app://tickler/).
const here = fileURLToPath(new URL('.', import.meta.url))
const preloadPath = join(here, '../preload/index.cjs')
const rendererDir = join(here, '../renderer')
const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const renderer: RendererLocation = devServer
  ? { kind: 'dev', url: devServer }
  : { kind: 'app', url: RENDERER_PAGE_URL }

let mainWindow: BrowserWindow | undefined
let library: Library | undefined
let search: SearchService | undefined
let capture: CaptureRuntime | undefined
let mail: MainMail | undefined
/** Acts on a signed tickler:// follow-up link in a launch's arguments (Windows toast buttons). */
let handleToastArgv: (argv: readonly string[]) => boolean = () => false
const flushGate = createFlushGate()
/** Set once start() can reach the windows; until then there is nothing unsaved to ask for. */
let askToFlush: () => Promise<unknown> = () => Promise.resolve()
/** Sets the application menu; start() fills it in once the library is open. */
let applyMenu: () => void = () => undefined

/** Packaged: beside app.asar (electron-builder extraResources); in development: the repo's resources/. */
const trayIconPath = () =>
  app.isPackaged && typeof process.resourcesPath === 'string'
    ? join(process.resourcesPath, 'tray.png')
    : join(here, '../../resources/tray.png')

function openWindow(): BrowserWindow {
  const win = createMainWindow({
    renderer,
    preloadPath,
    stateFile: join(app.getPath('userData'), 'window-state.json'),
  })
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined
  })
  // The editor saves ~400 ms after a keystroke: let it save before the page goes away.
  let flushed = false
  win.on('close', (event) => {
    if (flushed) return
    event.preventDefault()
    void askToFlush().finally(() => {
      flushed = true
      if (!win.isDestroyed()) win.close()
    })
  })
  mainWindow = win
  capture?.attachMainWindow(win)
  return win
}

/** Windows toast buttons launch tickler:// links; in development the link must start this script again. */
function registerToastProtocol(): void {
  const script = process.argv[1]
  if (process.defaultApp && script)
    app.setAsDefaultProtocolClient(PROTOCOL, process.execPath, [resolve(script)])
  else app.setAsDefaultProtocolClient(PROTOCOL)
}

async function start(): Promise<void> {
  await app.whenReady()
  installSessionPolicy(renderer)
  if (renderer.kind === 'app') handleRendererProtocol(rendererDir, buildCsp(renderer))

  const dataDir = resolveDataDir({
    env: process.env,
    argv: process.argv,
    userData: app.getPath('userData'),
    cwd: process.cwd(),
  })
  library = await openAppLibrary(dataDir)
  if (!library) return

  handleAttachmentProtocol(dataDir)
  const emit = createEmitter(() => BrowserWindow.getAllWindows().map((w) => w.webContents))
  const openLib = library
  const followUps = await startFollowUps({
    library,
    emit,
    // Replies that came while Tickler was closed close their follow-ups before any reminder is shown.
    beforeStart: async (service) => {
      mail = await openMainMail({
        library: openLib,
        settings: service.settings,
        secrets: secretStoreFor(safeStorage, join(app.getPath('userData'), 'mail-passwords.json')),
        onChange: (accountId) => emit('mail.changed', { accountId }),
      })
      await mail.catchUp()
    },
    showNote: (id) => {
      const target = mainWindow ?? openWindow()
      focusWindow(target)
      if (id) emit('note.open', { id })
    },
  })
  handleToastArgv = (argv) => followUps.handleArgv(argv)
  // Before the tray and the menu are first drawn, so they start in the language chosen in Settings.
  setLanguageChoice(followUps.service.settings.language())
  const openMail = mail
  if (!openMail) throw new Error('mail did not open')
  search = createSearch(library)
  const showMain = () => {
    const target = mainWindow ?? openWindow()
    focusWindow(target)
    return target
  }
  const newNote = () => {
    showMain()
    emit('note.new', {})
  }
  capture = await startCapture({
    library,
    followUps: followUps.service,
    emit,
    renderer,
    preloadPath,
    trayIcon: trayIconPath(),
    showMain,
    newNote,
  })
  // Import progress reaches every window, so the progress bar moves whichever window started it.
  const imports = new ImportJobs(library, (progress) => emit('transfer.importProgress', progress))
  const sync = createHostSync(library, followUps.service.settings, emit)
  const handlers = createHandlers(
    library,
    {
      imports,
      version: app.getVersion(),
      platform: process.platform,
      preview: false,
      openExternal: openExternalSafely,
      capture: capture.hooks,
      attachmentUrlBase: ELECTRON_ATTACHMENT_BASE,
      openPath: openPathSafely,
      showInFolder,
      chooseExportFolder: () => chooseExportFolder(mainWindow, 'Export to folder'),
      languageChanged: (language) => {
        setLanguageChoice(language)
        applyMenu()
        capture?.refreshTray()
        emit('language.changed', { language })
      },
      // Core builds the link from the note's Message-ID; a scheme counts only where a program claims it.
      canOpenScheme: (scheme) => app.getApplicationNameForProtocol(`${scheme}://`) !== '',
      openMessageLink: (url) =>
        url.startsWith('https:')
          ? openExternalSafely(url)
          : shell.openExternal(url).then(
              () => true,
              () => false,
            ),
    },
    followUps.service,
    search,
    openMail.service,
    sync,
  )
  await sync.start()
  // IDLE on every account from now on; the catch-up before the first reminders already ran.
  openMail.watch()
  handlers['app.flushed'] = ({ requestId }) => {
    flushGate.answer(requestId)
    return {}
  }
  askToFlush = () => flushGate.request((requestId) => emit('app.flush', { requestId }))
  const isOurs = (id: number) => BrowserWindow.getAllWindows().some((w) => w.webContents.id === id)
  registerIpc({ ipcMain, handlers, isTrustedSender: createSenderCheck(isOurs, renderer) })
  library.onChange((change) => emit('library.changed', changedEvent(change)))

  applyMenu = appMenu({
    openExternal: (url) => void openExternalSafely(url),
    newNote,
    searchNotes: () => {
      showMain()
      emit('search.open', {})
    },
    quickCapture: () => capture?.show(),
    transfer: createTransferMenu({
      library: () => library,
      jobs: imports,
      showMain,
      opened: (payload) => emit('transfer.importOpened', payload),
    }),
  })
  applyMenu()

  const win = openWindow()
  capture.createWindow()
  // Started by a desktop shortcut bound to `tickler --capture` (the Wayland fallback).
  if (wantsCapture(process.argv)) capture.show()
  // Started by a toast button while Tickler was not running.
  handleToastArgv(process.argv)
  const notice = describeCorruptFiles(library.report.corrupt)
  if (notice) {
    // Not awaited: the user can read it while the app is already usable.
    void dialog.showMessageBox(win, { type: 'warning', title: 'Damaged files moved aside', ...notice })
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another Tickler owns this profile; it gets a 'second-instance' event and brings itself forward.
  app.quit()
} else {
  if (process.platform === 'win32') {
    app.setAppUserModelId(APP_ID)
    registerToastProtocol()
  }
  installContentGuards(renderer)
  // On Wayland only the desktop portal can grant a global shortcut; Chromium uses it when asked to.
  if (isWaylandSession(process.platform, process.env)) {
    app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal')
  }
  registerPrivilegedSchemes()

  app.on('second-instance', (_event, argv) => {
    if (handleToastArgv(argv)) return
    if (wantsCapture(argv) && capture) capture.show()
    else if (mainWindow) focusWindow(mainWindow)
    else if (library) openWindow()
  })
  app.on('activate', () => {
    // The hidden capture window always exists, so "no windows" means no main window.
    if (library && !mainWindow) openWindow()
    else if (mainWindow && !mainWindow.isVisible()) focusWindow(mainWindow)
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  // Quitting waits for the library to flush pending saves and release its lock, then quits for real.
  let closing: Promise<void> | undefined
  app.on('before-quit', (event) => {
    const open = library
    if (!open) return
    event.preventDefault()
    // Global shortcuts are the OS's until unregistered; give them back first.
    capture?.stop()
    capture = undefined
    const stoppingMail = mail?.stop()
    mail = undefined
    // The search index snapshot is written first: it is only a cache, but a fresh one makes the next start fast.
    closing ??= askToFlush()
      .then(() => stoppingMail)
      .then(() => search?.close())
      .catch((error: unknown) => console.error('Closing search failed', error))
      .then(() => open.close())
      .catch((error: unknown) => console.error('Closing the library failed', error))
      .finally(() => {
        library = undefined
        app.quit()
      })
  })

  start().catch((error: unknown) => {
    dialog.showErrorBox(
      'Tickler could not start',
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    )
    app.exit(1)
  })
}
