import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// Mantine's default gray.5 and teal.6: the paused and active dots.
const GREY = 'rgb(173, 181, 189)';
const GREEN = 'rgb(18, 184, 134)';

async function chooseOption(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** A SegmentedControl option: its radio input is visually hidden, so click its label. */
function segment(page: Page, label: string) {
  return page.locator('.mantine-SegmentedControl-label').filter({ hasText: new RegExp(`^${label}$`) });
}

function workflowRow(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

test('Jane builds a CTA workflow with a Chat Message from herself, then pauses and starts it from the list', async ({ page }) => {
  const templateName = 'Graduate welcome';
  const workflowName = 'Register interest';

  await signIn(page, 'jane@acme.test');
  await expect(page.getByRole('heading', { name: 'Workflows' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });

  // 1. A chat template, with a merge field picked from the menu.
  await nav.getByRole('link', { name: 'Chat templates' }).click();
  await expect(page.getByRole('table', { name: 'Chat templates' })).toContainText('Thanks for registering');
  await page.getByRole('link', { name: 'New', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New chat template' })).toBeVisible();
  await page.getByRole('textbox', { name: /^Name/ }).fill(templateName);
  const message = page.getByRole('textbox', { name: /^Message/ });
  await message.fill('Hi , thanks for registering for the Graduate Program! {{sender.fromName}} will be in touch. {{optOut}}');
  await message.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 3));
  await page.getByRole('button', { name: 'Insert merge field' }).click();
  await page.getByRole('menuitem', { name: '{{candidate.firstName}}' }).click();
  await expect(message).toHaveValue(/^Hi \{\{candidate\.firstName\}\}, thanks for registering/);

  const counter = page.getByTestId('sms-counter');
  await expect(counter).toContainText('GSM-7');
  await expect(counter).toContainText('characters');
  const preview = page.getByTestId('message-preview');
  await expect(preview.getByTestId('preview-text')).toContainText('Hi Alex, thanks for registering for the Graduate Program! Jane Doe will be in touch.');
  await expect(preview.getByTestId('preview-from')).toHaveText('From Jane Doe (+61480000001)');
  await page.getByRole('button', { name: 'Create template' }).click();

  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByRole('row').filter({ hasText: templateName })).toContainText('No workflows');

  // 2. A workflow triggered by the "Register interest" CTA of Graduate Program 2027.
  await nav.getByRole('link', { name: 'Workflows' }).click();
  await expect(workflowRow(page, 'Graduate registration follow-up')).toBeVisible();
  await page.getByRole('link', { name: 'New', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'New workflow' })).toBeVisible();
  await page.getByRole('textbox', { name: /^Name/ }).fill(workflowName);
  await expect(page.getByRole('radio', { name: 'CTA completed' })).toHaveAttribute('aria-checked', 'true');
  await chooseOption(page, 'CTA', 'Register interest');
  await chooseOption(page, 'Only in web campaign', 'Graduate Program 2027');
  await expect(page.getByTestId('criteria-run-always')).toBeVisible();
  await page.getByRole('button', { name: 'Create workflow' }).click();

  await expect(page.getByRole('heading', { name: workflowName, exact: true })).toBeVisible();
  await expect(page.getByTestId('workflow-trigger')).toHaveText('CTA “Register interest” on Graduate Program 2027');
  await expect(page.getByRole('img', { name: 'Active' })).toBeVisible();
  await expect(page.getByText('No steps yet')).toBeVisible();

  // 3. A Chat Message step: Jane as the sender, the new template; she sees her number and name as From.
  await page.getByRole('link', { name: 'New step' }).click();
  await expect(page.getByRole('textbox', { name: 'What kind of workflow step would you like?' })).toHaveValue('Chat Message');
  await chooseOption(page, 'Who is the sender?', /Jane Doe/);
  await expect(page.getByRole('textbox', { name: 'Who is the sender?' })).toHaveValue('Jane Doe — +61480000001 · From: Jane Doe');
  await expect(page.getByTestId('sender-sees')).toContainText('The candidate will see +61480000001 and From: Jane Doe');
  await chooseOption(page, 'What chat template should be used?', templateName);
  const stepPreview = page.getByTestId('message-preview');
  await expect(stepPreview.getByTestId('preview-from')).toHaveText('From Jane Doe (+61480000001)');
  await expect(stepPreview.getByTestId('preview-text')).toContainText('Hi Alex, thanks for registering');
  await expect(stepPreview.getByTestId('preview-segments')).toHaveText('1');
  await expect(stepPreview.getByTestId('preview-credits')).toHaveText('1');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  // Save returns to the workflow.
  await expect(page.getByRole('heading', { name: workflowName, exact: true })).toBeVisible();
  const step = page.getByTestId('step-1');
  await expect(step).toContainText('Chat Message');
  await expect(step).toContainText('Sent as Jane Doe');
  await expect(step).toContainText('+61480000001 · From: Jane Doe');
  await expect(step).toContainText(templateName);

  // 4. Pause from the list (grey dot), then start again (green dot); both stick after a reload.
  await nav.getByRole('link', { name: 'Workflows' }).click();
  const row = workflowRow(page, workflowName);
  await expect(row).toContainText('CTA “Register interest” on Graduate Program 2027');
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');
  const dot = row.getByTestId('workflow-status-dot');
  await expect(dot).toHaveAttribute('aria-label', 'Active');
  await expect(dot).toHaveCSS('background-color', GREEN);

  await row.getByRole('button', { name: `Pause ${workflowName}` }).click();
  await expect(dot).toHaveAttribute('aria-label', 'Paused');
  await expect(dot).toHaveCSS('background-color', GREY);
  await expect(row.getByRole('button', { name: `Start ${workflowName}` })).toBeVisible();
  await page.reload();
  await expect(workflowRow(page, workflowName).getByTestId('workflow-status-dot')).toHaveAttribute('aria-label', 'Paused');

  // The filter asks the server for paused workflows only.
  await segment(page, 'Paused').click();
  await expect(page).toHaveURL(/status=paused/);
  await expect(workflowRow(page, workflowName)).toBeVisible();
  await expect(workflowRow(page, 'Graduate registration follow-up')).toHaveCount(0);
  await segment(page, 'All').click();
  await expect(workflowRow(page, 'Graduate registration follow-up')).toBeVisible();

  const again = workflowRow(page, workflowName);
  await again.getByRole('button', { name: `Start ${workflowName}` }).click();
  await expect(again.getByTestId('workflow-status-dot')).toHaveAttribute('aria-label', 'Active');
  await expect(again.getByTestId('workflow-status-dot')).toHaveCSS('background-color', GREEN);
  await page.reload();
  await expect(workflowRow(page, workflowName).getByTestId('workflow-status-dot')).toHaveAttribute('aria-label', 'Active');
  await expect(workflowRow(page, workflowName).getByRole('button', { name: `Pause ${workflowName}` })).toBeVisible();
});
