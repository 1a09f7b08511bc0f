import { OrgkitProvider } from '@orgkit/react';
import '@orgkit/react/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { hostCatalog } from './catalog.js';
import './register.js';

// Same origin as the API (the backend serves this app): no CORS, no trusted origins to set.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OrgkitProvider baseUrl="" catalog={hostCatalog}>
      <App />
    </OrgkitProvider>
  </StrictMode>,
);
