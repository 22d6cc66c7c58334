import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { i18nReady } from '@/i18n';
import { AppProviders } from '@/app/providers';
import { AppRoutes } from '@/app/router';
import { Toaster } from '@/components/phone';
import { UpdateNotice } from '@/components/update-notice';
import { LeaveGuardProvider } from '@/lib/leave-guard';
import './styles.css';

// Rendered once the remembered language's strings are there (English is fetched on demand).
void i18nReady.then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders>
        <BrowserRouter>
          <LeaveGuardProvider>
            <AppRoutes />
          </LeaveGuardProvider>
        </BrowserRouter>
        {/* The phone pages' messages (both shells show them) and the notice of a new version of the app. */}
        <Toaster />
        <UpdateNotice />
      </AppProviders>
    </StrictMode>,
  );
});
