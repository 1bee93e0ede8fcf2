import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { AuthProvider } from './auth/AuthProvider';
import { GraphqlProvider } from './lib/GraphqlProvider';
import { theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <BrowserRouter>
        <AuthProvider>
          <GraphqlProvider>
            <ModalsProvider>
              <AppRoutes />
            </ModalsProvider>
          </GraphqlProvider>
        </AuthProvider>
      </BrowserRouter>
    </MantineProvider>
  );
}
