import './styles/tokens.css'
import './styles/base.css'
import './ui/button.css'
import './ui/field.css'
import './ui/chip.css'
import './ui/icons.css'
import './ui/empty-state.css'
import './ui/banner.css'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { CaptureApp, isCaptureRoute } from './features/capture/CaptureApp'
import { api } from './lib/api'
import { initI18n } from './lib/i18n'
import { applyTheme, readThemePreference } from './lib/theme'

initI18n()
// Before the first paint, so a dark-theme user never sees a white flash; ThemeToggle takes over from here.
applyTheme(readThemePreference())

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// The quick-capture window loads this same page with ?view=capture and gets only the capture panel.
createRoot(root).render(isCaptureRoute(location.search) ? <CaptureApp api={api} /> : <App api={api} />)
