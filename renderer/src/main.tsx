// first: it runs before the modules below (the dashboard's figures start on their way)
import './pages/dashboard/early'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n/setup'
import './styles.css'
import { App } from './App'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
