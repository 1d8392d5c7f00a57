import { app, Menu } from 'electron'
import { buildMenuTemplate, type MenuOptions } from './menu'
import { uiLanguage } from './ui-language'

const HELP_URL = 'https://github.com/tickler-app/tickler#readme'

/** What the app menu's own items do; the platform, app name and language come from Electron. */
export type AppMenuActions = Pick<
  MenuOptions,
  'openExternal' | 'newNote' | 'searchNotes' | 'quickCapture' | 'transfer'
>

/**
 * A function that sets the application menu. It is called again when the language changes in Settings,
 * so the menu speaks the same language as the window.
 */
export function appMenu(actions: AppMenuActions): () => void {
  return () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          appName: app.getName(),
          dev: !app.isPackaged,
          helpUrl: HELP_URL,
          locale: uiLanguage(),
          ...actions,
        }),
      ),
    )
}
