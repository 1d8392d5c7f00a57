import { Menu, nativeImage, Tray } from 'electron'
import { buildTrayMenuTemplate, trayTooltip, type TrayActions, type TrayState } from './tray-menu'

export interface AppTray {
  update(state: TrayState): void
  destroy(): void
}

/**
 * The tray icon: tooltip with the due count, and a menu rebuilt from plain state whenever it changes.
 * `iconPath` is resources/tray.png (its @2x sibling is picked up by Electron on high-DPI screens).
 */
export function createTray(
  iconPath: string,
  platform: string,
  initial: TrayState,
  actions: TrayActions,
): AppTray {
  let image = nativeImage.createFromPath(iconPath)
  // The macOS menu bar is 22 pt high; an 18 pt icon matches the system's own.
  if (platform === 'darwin' && !image.isEmpty()) image = image.resize({ width: 18, height: 18 })
  const tray = new Tray(image)
  const update = (state: TrayState) => {
    tray.setToolTip(trayTooltip(state))
    tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenuTemplate(state, actions)))
  }
  update(initial)
  // Windows and most Linux trays open the app on a plain click; the menu stays on right-click.
  if (platform !== 'darwin') tray.on('click', actions.show)
  return { update, destroy: () => tray.destroy() }
}
