import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jwtExpiringIn } from '../test/jwt';
import { renderWithProviders } from '../test/render';
import { LoginPage } from './LoginPage';
import { SESSION_EXPIRED_MESSAGE, TOKEN_STORAGE_KEY } from './token';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('LoginPage', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  const renderLogin = () => renderWithProviders(<LoginPage />, { route: '/login', path: '/login' });

  it('focuses the email field', () => {
    renderLogin();
    expect(screen.getByLabelText(/email/i)).toHaveFocus();
  });

  it('submits on Enter and shows the server error text', async () => {
    fetchMock.mockResolvedValue(jsonResponse(401, { error: 'Email or password is incorrect.' }));
    const user = userEvent.setup();
    renderLogin();

    await user.type(screen.getByLabelText(/email/i), 'jane@acme.test');
    await user.type(screen.getByLabelText(/password/i), 'wrong-password{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect.');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/auth/login');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'jane@acme.test', password: 'wrong-password' });
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('shows the throttling message from a 429', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(429, { error: 'Too many failed sign-in attempts. Try again in 15 minutes.', retryAfterSeconds: 900 }),
    );
    const user = userEvent.setup();
    renderLogin();
    await user.type(screen.getByLabelText(/email/i), 'jane@acme.test');
    await user.type(screen.getByLabelText(/password/i), 'x{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many failed sign-in attempts. Try again in 15 minutes.');
  });

  it('asks for both fields without calling the server', async () => {
    const user = userEvent.setup();
    renderLogin();
    await user.type(screen.getByLabelText(/email/i), 'jane@acme.test{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter your email and password.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('stores the token and leaves the sign-in page on success', async () => {
    const token = jwtExpiringIn(3600);
    let resolve: (r: Response) => void = () => {};
    fetchMock.mockReturnValue(new Promise<Response>((r) => (resolve = r)));
    const user = userEvent.setup();
    renderLogin();

    await user.type(screen.getByLabelText(/email/i), 'jane@acme.test');
    await user.type(screen.getByLabelText(/password/i), 'recruitflow-demo');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Loading state while the request is under way.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toHaveAttribute('data-loading', 'true'));

    resolve(jsonResponse(200, { token, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
    await waitFor(() => expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(token));
    expect(await screen.findByText('Stand-in for /workflows')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign in' })).not.toBeInTheDocument();
  });

  it('returns to the page that asked for sign-in', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { token: jwtExpiringIn(3600), expiresAt: '' }));
    const user = userEvent.setup();
    renderWithProviders(<LoginPage />, { route: { pathname: '/login', state: { from: '/settings/numbers' } }, path: '/login' });
    await user.type(screen.getByLabelText(/email/i), 'jane@acme.test');
    await user.type(screen.getByLabelText(/password/i), 'recruitflow-demo{Enter}');
    expect(await screen.findByText('Stand-in for /settings/numbers')).toBeInTheDocument();
  });

  it('explains that an expired session was signed out', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, jwtExpiringIn(-10));
    renderLogin();
    expect(screen.getByTestId('login-notice')).toHaveTextContent(SESSION_EXPIRED_MESSAGE);
  });

  it('says so when the server cannot be reached', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const user = userEvent.setup();
    renderLogin();
    await user.type(screen.getByLabelText(/email/i), 'jane@acme.test');
    await user.type(screen.getByLabelText(/password/i), 'x{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent("Can't reach RecruitFlow");
  });
});
