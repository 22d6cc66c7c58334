import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { i18nReady } from '@/i18n';
import { AppProviders } from '@/app/providers';
import { router } from '@/app/router';
import './styles.css';

// Rendered once the remembered language's strings are there (English is fetched on demand).
void i18nReady.then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
});
