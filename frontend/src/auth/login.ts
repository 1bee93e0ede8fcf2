export interface LoginResult {
  token: string;
  expiresAt: string;
}

/** A sign-in the server refused, carrying the message to show on the form. */
export class LoginError extends Error {
  readonly status: number;
  readonly retryAfterSeconds: number | null;

  constructor(message: string, status: number, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'LoginError';
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `POST /auth/login`; resolves with the token or rejects with a {@link LoginError} fit to show. */
export async function login(email: string, password: string): Promise<LoginResult> {
  let response: Response;
  try {
    response = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    throw new LoginError("Can't reach RecruitFlow. Check your connection and try again.", 0);
  }

  const body = await readJson(response);
  if (response.ok && body && typeof body.token === 'string') {
    return { token: body.token, expiresAt: typeof body.expiresAt === 'string' ? body.expiresAt : '' };
  }

  const message =
    body && typeof body.error === 'string' && body.error.trim() !== ''
      ? body.error
      : `Sign-in failed (HTTP ${response.status}). Please try again.`;
  const retryAfter = body && typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : null;
  throw new LoginError(message, response.status, retryAfter);
}
