import { useEffect, useState, type ReactNode } from 'react'
import { UserkitProvider } from 'userkit'
import { AdminConsole } from './AdminConsole.js'
import { languages, type Language } from './i18n/demoText.js'
import { MyProfile } from './MyProfile.js'
import { adminSide, profileSide } from './sessions.js'

type Side = 'admin' | 'profile'
type Theme = 'light' | 'dark'

const sideFromHash = (): Side => (window.location.hash === '#profile' ? 'profile' : 'admin')

/** The demo: two sides, each with its own provider (client, signed-in user, cache), one theme and language. */
export function App(): ReactNode {
  const [side, setSide] = useState<Side>(sideFromHash)
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem('userkit-demo:theme') === 'dark' ? 'dark' : 'light'))
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem('userkit-demo:language') === 'fr' ? 'fr' : 'en'))
  const { text, labels, locale } = languages[language]

  useEffect(() => {
    // data-theme above the components is what userkit/styles.css keys its light and dark on.
    document.documentElement.dataset.theme = theme
    localStorage.setItem('userkit-demo:theme', theme)
  }, [theme])
  useEffect(() => {
    document.documentElement.lang = language
    localStorage.setItem('userkit-demo:language', language)
  }, [language])
  useEffect(() => {
    const onHash = (): void => setSide(sideFromHash())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const choose = (next: Side): void => {
    window.location.hash = next === 'profile' ? '#profile' : '#admin'
    setSide(next)
  }
  const active = side === 'admin' ? adminSide : profileSide

  return (
    <div className="demo">
      <header className="demo-header">
        <div>
          <h1>{text.title}</h1>
          <p>{text.tagline}</p>
        </div>
        <div className="demo-controls">
          <div role="group" aria-label={text.theme} className="demo-segmented">
            {(['light', 'dark'] as const).map((option) => (
              <button key={option} type="button" aria-pressed={theme === option} onClick={() => setTheme(option)}>
                {option === 'light' ? text.light : text.dark}
              </button>
            ))}
          </div>
          <label className="demo-select">
            {text.language}
            <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              {(Object.keys(languages) as Language[]).map((code) => (
                <option key={code} value={code} lang={code}>
                  {languages[code].name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <nav className="demo-tabs" role="tablist" aria-label={text.sides}>
        {(['admin', 'profile'] as const).map((option) => (
          <button
            key={option}
            type="button"
            role="tab"
            id={`tab-${option}`}
            aria-selected={side === option}
            aria-controls="demo-panel"
            onClick={() => choose(option)}
          >
            {option === 'admin' ? text.admin : text.profile}
          </button>
        ))}
      </nav>
      <main id="demo-panel" role="tabpanel" aria-labelledby={`tab-${side}`} className="demo-panel">
        <UserkitProvider key={side} client={active.client} store={active.store} labels={labels} locale={locale} events>
          {side === 'admin' ? <AdminConsole text={text} /> : <MyProfile text={text} />}
        </UserkitProvider>
      </main>
    </div>
  )
}
