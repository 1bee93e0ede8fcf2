import type { ReactElement } from 'react';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation, type InitialEntry } from 'react-router';
import { Provider, type Client } from 'urql';
import { never } from 'wonka';
import { vi } from 'vitest';
import { AuthProvider } from '../auth/AuthProvider';
import { theme } from '../theme';

export interface RenderOptions {
  client?: Client;
  /** The URL (or location with state) the app starts at. */
  route?: InitialEntry;
  /** Route pattern `ui` is mounted at; every other path renders a stand-in naming it. */
  path?: string;
}

/** A client that never answers: components stay in their loading state. */
export function pendingClient(): Client {
  return {
    executeQuery: vi.fn(() => never),
    executeMutation: vi.fn(() => never),
    executeSubscription: vi.fn(() => never),
  } as unknown as Client;
}

function StandIn() {
  const { pathname } = useLocation();
  return <div>Stand-in for {pathname}</div>;
}

/** Renders with the app's providers: Mantine (test env: no transitions or portals), modals, router, auth, urql. */
export function renderWithProviders(ui: ReactElement, { client = pendingClient(), route = '/', path = '/' }: RenderOptions = {}) {
  return render(
    <MantineProvider theme={theme} env="test">
      <Notifications />
      <MemoryRouter initialEntries={[route]}>
        <AuthProvider>
          <Provider value={client}>
            <ModalsProvider>
              <Routes>
                <Route path={path} element={ui} />
                <Route path="*" element={<StandIn />} />
              </Routes>
            </ModalsProvider>
          </Provider>
        </AuthProvider>
      </MemoryRouter>
    </MantineProvider>,
  );
}
