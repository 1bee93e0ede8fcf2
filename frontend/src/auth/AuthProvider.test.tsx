import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jwtExpiringIn } from '../test/jwt';
import { AuthProvider, useAuth } from './AuthProvider';
import { SESSION_EXPIRED_MESSAGE, TOKEN_STORAGE_KEY } from './token';

function Probe() {
  const { token, notice } = useAuth();
  return (
    <>
      <div data-testid="token">{token ?? 'signed out'}</div>
      <div data-testid="notice">{notice ?? ''}</div>
    </>
  );
}

describe('AuthProvider', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a stored, unexpired token across reloads', () => {
    const token = jwtExpiringIn(3600);
    localStorage.setItem(TOKEN_STORAGE_KEY, token);
    render(
      <AuthProvider>
        <Probe />
      </AuthProvider>,
    );
    expect(screen.getByTestId('token')).toHaveTextContent(token);
    expect(screen.getByTestId('notice')).toBeEmptyDOMElement();
  });

  it('drops an expired token on load and says why', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, jwtExpiringIn(-60));
    render(
      <AuthProvider>
        <Probe />
      </AuthProvider>,
    );
    expect(screen.getByTestId('token')).toHaveTextContent('signed out');
    expect(screen.getByTestId('notice')).toHaveTextContent(SESSION_EXPIRED_MESSAGE);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('signs out when the token expires while the app is open', () => {
    vi.useFakeTimers();
    const token = jwtExpiringIn(30);
    localStorage.setItem(TOKEN_STORAGE_KEY, token);
    render(
      <AuthProvider>
        <Probe />
      </AuthProvider>,
    );
    act(() => {
      vi.advanceTimersByTime(20_000);
    });
    expect(screen.getByTestId('token')).toHaveTextContent(token);

    act(() => {
      vi.advanceTimersByTime(11_000);
    });
    expect(screen.getByTestId('token')).toHaveTextContent('signed out');
    expect(screen.getByTestId('notice')).toHaveTextContent(SESSION_EXPIRED_MESSAGE);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('expire() signs out with the expiry message', () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, jwtExpiringIn(3600));
    let expire: () => void = () => {};
    function Expirer() {
      expire = useAuth().expire;
      return null;
    }
    render(
      <AuthProvider>
        <Probe />
        <Expirer />
      </AuthProvider>,
    );
    act(() => expire());
    expect(screen.getByTestId('token')).toHaveTextContent('signed out');
    expect(screen.getByTestId('notice')).toHaveTextContent(SESSION_EXPIRED_MESSAGE);
  });
});
