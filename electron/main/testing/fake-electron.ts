import { EventEmitter } from 'node:events'

/**
 * A stand-in for the parts of the 'electron' module that electron/main touches, so the real start-up code
 * (library, IPC, window options, quit handling) runs under vitest where no Electron binary exists.
 * It records what the app asked for instead of showing anything.
 */
export interface FakeRecord {
  errorBoxes: [string, string][]
  messageBoxes: string[]
  exitCode?: number
  quit: boolean
  windowOptions: unknown[]
  loaded: string[]
  sent: [string, unknown][]
  notifications: { title: string; body: string }[]
  /** Global shortcuts currently registered, with the callback the OS would run. */
  shortcuts: Map<string, () => void>
  /** Accelerators "another app" holds: registering them fails. */
  takenShortcuts: Set<string>
  tray: { tooltip: string; menu: unknown; destroyed: boolean } | undefined
  badge: number | undefined
  privilegedSchemes: unknown[]
  openedPaths: string[]
  shownInFolder: string[]
  /** The template last given to Menu.setApplicationMenu (buildFromTemplate returns it as is). */
  appMenu: unknown
}

type Listener = (event: unknown, ...args: unknown[]) => unknown

export type FakeElectron = ReturnType<typeof createFakeElectron>

export function createFakeElectron(userData: string) {
  const record: FakeRecord = {
    errorBoxes: [],
    messageBoxes: [],
    quit: false,
    windowOptions: [],
    loaded: [],
    sent: [],
    notifications: [],
    shortcuts: new Map(),
    takenShortcuts: new Set(),
    tray: undefined,
    badge: undefined,
    privilegedSchemes: [],
    openedPaths: [],
    shownInFolder: [],
    appMenu: undefined,
  }
  const protocols = new Map<string, (request: Request) => Promise<Response>>()
  const handlers = new Map<string, Listener>()
  const windows: FakeWindow[] = []
  let nextId = 1

  class FakeApp extends EventEmitter {
    isPackaged = true
    requestSingleInstanceLock = () => true
    setAppUserModelId = () => undefined
    whenReady = () => Promise.resolve()
    getPath = () => userData
    getVersion = () => '9.9.9'
    getName = () => 'Tickler'
    getLocale = () => 'en-US'
    getApplicationNameForProtocol = () => ''
    setBadgeCount = (count: number) => ((record.badge = count), true)
    commandLine = { appendSwitch: () => undefined }
    exit = (code: number) => {
      record.exitCode = code
    }
    quit = () => {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) }
      this.emit('before-quit', event)
      if (!event.prevented) record.quit = true
    }
  }
  const app = new FakeApp()

  class FakeWebContents extends EventEmitter {
    id = nextId++
    mainFrame = { processId: 1, routingId: 1 }
    send = (channel: string, message: unknown) => record.sent.push([channel, message])
    isDestroyed = () => false
    setWindowOpenHandler = () => undefined
    focus = () => undefined
  }

  class FakeWindow extends EventEmitter {
    webContents = new FakeWebContents()
    constructor(options: unknown) {
      super()
      record.windowOptions.push(options)
      windows.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    static getAllWindows = () => windows
    loadFile = (file: string) => (record.loaded.push(file), Promise.resolve())
    loadURL = (url: string) => (record.loaded.push(url), Promise.resolve())
    maximize = () => undefined
    visible = true
    bounds: unknown
    show = () => void (this.visible = true)
    hide = () => void (this.visible = false)
    focus = () => undefined
    restore = () => undefined
    isMinimized = () => false
    isVisible = () => this.visible
    setAlwaysOnTop = () => undefined
    setVisibleOnAllWorkspaces = () => undefined
    setBounds = (bounds: unknown) => void (this.bounds = bounds)
    isMaximized = () => false
    getNormalBounds = () => ({ x: 0, y: 0, width: 1000, height: 700 })
    destroyed = false
    isDestroyed = () => this.destroyed
    /** Like Electron: 'close' can be prevented; otherwise the window goes and 'closed' follows. */
    close = () => {
      let prevented = false
      this.emit('close', { preventDefault: () => void (prevented = true) })
      if (prevented) return
      this.destroyed = true
      this.emit('closed')
    }
  }

  const powerMonitor = new EventEmitter()
  class FakeNotification extends EventEmitter {
    static isSupported = () => true
    constructor(readonly options: { title: string; body: string }) {
      super()
    }
    show = () => record.notifications.push(this.options)
  }

  const workArea = { x: 0, y: 0, width: 1920, height: 1040 }
  class FakeTray {
    constructor(_image: unknown) {
      record.tray = { tooltip: '', menu: undefined, destroyed: false }
    }
    setToolTip = (tooltip: string) => void (record.tray!.tooltip = tooltip)
    setContextMenu = (menu: unknown) => void (record.tray!.menu = menu)
    on = () => undefined
    destroy = () => void (record.tray!.destroyed = true)
  }
  const image = { isEmpty: () => false, resize: () => image }
  const module = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => handlers.set(channel, listener),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => record.errorBoxes.push([title, content]),
      showMessageBox: (_win: unknown, options: { message: string }) => {
        record.messageBoxes.push(options.message)
        return Promise.resolve({ response: 0 })
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void (record.appMenu = menu),
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea }),
      getAllDisplays: () => [{ id: 1, workArea }],
      getCursorScreenPoint: () => ({ x: 100, y: 100 }),
      getDisplayNearestPoint: () => ({ id: 1, workArea }),
    },
    globalShortcut: {
      register: (accelerator: string, callback: () => void) =>
        !record.takenShortcuts.has(accelerator) && (record.shortcuts.set(accelerator, callback), true),
      unregister: (accelerator: string) => void record.shortcuts.delete(accelerator),
    },
    clipboard: { readText: () => Promise.resolve('from the clipboard'), read: () => Promise.resolve([]) },
    Tray: FakeTray,
    nativeImage: { createFromPath: () => image },
    nativeTheme: { shouldUseDarkColors: false },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => undefined },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
      },
    },
    shell: {
      openExternal: () => Promise.resolve(),
      openPath: (path: string) => (record.openedPaths.push(path), Promise.resolve('')),
      showItemInFolder: (path: string) => void record.shownInFolder.push(path),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        protocols.set(scheme, handler),
    },
    Notification: FakeNotification,
    powerMonitor,
    // Reversible but not plain text, so a test can tell a sealed password from a stored one.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
      decryptString: (data: Buffer) => Buffer.from(data.toString().replace(/^sealed:/, ''), 'hex').toString(),
    },
  }
  return { module, record, handlers, windows, protocols }
}
