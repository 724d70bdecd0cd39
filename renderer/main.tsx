import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/dropzone/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import './app/app.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { ProxyLoginModal } from './features/network/ProxyLoginModal';
import { ThemeSync } from './features/settings/ThemeSync';
import { FrenchDates } from './ui/DateField';
import { cssVariablesResolver, theme } from './app/theme';

const queryClient = new QueryClient({
  defaultOptions: {
    // The core answers from the local cache or says why it cannot: no blind retries.
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <FrenchDates>
          <ModalsProvider>
            <RouterProvider router={router} />
            {/* Outside the routes: a proxy may ask before anyone signs in. */}
            <ProxyLoginModal />
            <ThemeSync />
          </ModalsProvider>
        </FrenchDates>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
