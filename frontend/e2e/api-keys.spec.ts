import { expect, test } from '@playwright/test';
import { signIn, signOut } from './helpers';

test('an admin creates an API key, sees its secret once, and revokes it', async ({ page }) => {
  const name = `E2E integration ${Date.now()}`;
  await signIn(page, 'admin@acme.test');
  await expect(page.getByTestId('credit-balance')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { name: 'API keys' })).toBeVisible();

  await page.getByRole('button', { name: 'New API key' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create key' }).click();

  const secret = dialog.getByTestId('api-key-secret');
  await expect(secret).toBeVisible();
  const secretText = (await secret.textContent())?.trim() ?? '';
  expect(secretText.length).toBeGreaterThan(16);
  await expect(dialog.getByText('This key will not be shown again')).toBeVisible();
  await dialog.getByRole('button', { name: 'I have copied the key' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Active');
  await expect(page.getByText(secretText)).toHaveCount(0);

  // Revoking asks first; cancelling keeps the key.
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(`Revoke “${name}”?`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toContainText('Active');

  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);

  // The secret is not anywhere on the page after a reload either.
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Revoked');
  await expect(page.getByText(secretText)).toHaveCount(0);

  await signOut(page);
});

test('a recruiter is told that only admins manage API keys', async ({ page }) => {
  await signIn(page, 'sam@acme.test');
  await expect(page.getByTestId('credit-balance')).toBeVisible();
  await page.goto('/settings/api-keys');
  await expect(page.getByText('Only account admins can manage API keys')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New API key' })).toHaveCount(0);
});
