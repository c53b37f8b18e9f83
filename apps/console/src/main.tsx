import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createActionKeys } from './api/action-keys';
import { createSessionStore } from './api/session';
import { App } from './app';
import { I18nProvider } from './shell/i18n-context';
import { SessionProvider, type SessionDeps } from './shell/session-context';
import { UnreadProvider } from './shell/unread-context';
import './styles.css';

// The browser's globals enter here and only here; everything below takes them as dependencies.
const newKey = () => window.crypto.randomUUID();
const deps: SessionDeps = {
  fetch: (url, init) => window.fetch(url, init),
  sessions: createSessionStore(window.sessionStorage),
  newKey,
  actionKeys: createActionKeys(window.sessionStorage, newKey),
};

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <I18nProvider store={window.localStorage}>
      <SessionProvider deps={deps}>
        <UnreadProvider>
          <App />
        </UnreadProvider>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
