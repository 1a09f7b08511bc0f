import { OrgkitProvider } from '@orgkit/react';
import '@orgkit/react/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './register.js';
import './app.css';
import { demoCatalog } from './catalog.js';

// Same origin as the API: the session cookie and CSRF echo need no configuration.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OrgkitProvider baseUrl="" catalog={demoCatalog}>
      <App />
    </OrgkitProvider>
  </StrictMode>,
);
