import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { api } from './lib/api'
import { initI18n } from './lib/i18n'
import './styles/tokens.css'
import './styles/app.css'
import './styles/editor.css'
import './styles/organize.css'
import './styles/note-list.css'

initI18n()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(<App api={api} />)
