import { expect, test } from '@playwright/test';
import { signIn, signOut } from './helpers';

test('a recruiter signs in, sees the shell with the account and its credits, and signs out', async ({ page }) => {
  await signIn(page, 'jane@acme.test');

  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByRole('heading', { name: 'Workflows' })).toBeVisible();
  await expect(page.getByTestId('account-name')).toHaveText('Acme Talent');
  // Other specs may have sent SMS already: the balance is whatever the account has, shown the same everywhere.
  await expect(page.getByTestId('credit-balance')).toHaveText(/^\d[\d,]* credits?$/);

  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const item of ['Workflows', 'Chat templates', 'Inbox', 'Candidates', 'SMS numbers & credits', 'API keys']) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }

  // The real settings page reads the account's numbers.
  await nav.getByRole('link', { name: 'SMS numbers & credits' }).click();
  const numbers = page.getByRole('table', { name: 'SMS numbers' });
  await expect(numbers).toContainText('+61480000000');
  await expect(numbers).toContainText('+61480000001');
  const credits = (await page.getByTestId('credits').textContent())?.trim() ?? '';
  expect(credits).toMatch(/^\d[\d,]*$/);
  await expect(page.getByTestId('credit-balance')).toHaveText(`${credits} credits`);

  // A reload keeps the session.
  await page.reload();
  await expect(page.getByTestId('credit-balance')).toHaveText(`${credits} credits`);

  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('user-email')).toHaveText('jane@acme.test');
  await page.keyboard.press('Escape');
  await signOut(page);

  // Signed out means signed out: protected pages send you back.
  await page.goto('/settings/numbers');
  await expect(page).toHaveURL(/\/login$/);
});

test('a wrong password shows the server message', async ({ page }) => {
  await signIn(page, 'jane@acme.test', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
  await expect(page).toHaveURL(/\/login$/);
});

test('a stored token that is no longer accepted returns you to sign-in with a message', async ({ page }) => {
  // Well-formed but unsigned and expired: the client notices the expiry on load.
  const claims = Buffer.from(JSON.stringify({ sub: 'jane@acme.test', exp: 1_000_000_000 })).toString('base64url');
  await page.goto('/login');
  await page.evaluate((token) => localStorage.setItem('recruitflow.token', token), `e30.${claims}.c2ln`);
  await page.goto('/workflows');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Your session has expired. Please sign in again.')).toBeVisible();
});

test('a token the server rejects (HTTP 401) signs you out with a message', async ({ page }) => {
  // Not expired by its own claims, but not signed by the server either.
  const claims = Buffer.from(JSON.stringify({ sub: 'jane@acme.test', exp: 4_000_000_000 })).toString('base64url');
  await page.goto('/login');
  await page.evaluate((token) => localStorage.setItem('recruitflow.token', token), `eyJhbGciOiJIUzI1NiJ9.${claims}.Zm9yZ2Vk`);
  await page.goto('/workflows');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Your session has expired. Please sign in again.')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('recruitflow.token'))).toBeNull();
});
