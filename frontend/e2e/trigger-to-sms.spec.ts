import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers';

// Issue 4, end to end: an integrator records a CTA completion through the API with an API key;
// the demo workflow "Graduate registration follow-up" texts the candidate (sandbox mode: no
// MessageBird key in e2e); Jane sees the run in the workflow's history and the SMS in the
// candidate's profile.

const WORKFLOW = 'Graduate registration follow-up';
const CAMPAIGN = 'Graduate Program 2027';
const CTA = 'Register interest';

async function login(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.ok(), `sign-in of ${email}`).toBeTruthy();
  const { token } = (await response.json()) as { token: string };
  return token;
}

async function graphql<T>(request: APIRequestContext, bearer: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', {
    headers: { Authorization: `Bearer ${bearer}` },
    data: { query, variables },
  });
  expect(response.ok(), `HTTP ${response.status()} from /graphql`).toBeTruthy();
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  expect(body.errors ?? [], JSON.stringify(body.errors)).toEqual([]);
  return body.data as T;
}

test('an integrator records a CTA completion; Jane sees the run in the history and the SMS on the profile', async ({ page, request }) => {
  const stamp = Date.now();
  const candidate = { externalId: `E2E-${stamp}`, firstName: 'Grace', lastName: `Hopper ${stamp}`, email: `grace.${stamp}@example.com`, mobile: '0491 570 156' };
  const fullName = `${candidate.firstName} ${candidate.lastName}`;

  // --- As the integrator: an admin makes an API key, looks up the CTA and campaign, and calls the API with the key.
  const adminToken = await login(request, 'admin@acme.test');
  const { createApiKey } = await graphql<{ createApiKey: { secret: string } }>(
    request,
    adminToken,
    `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`,
    { input: { name: `E2E trigger ${stamp}` } },
  );
  const apiKey = createApiKey.secret;

  const { webCampaigns } = await graphql<{ webCampaigns: Array<{ id: string; name: string; ctas: Array<{ id: string; label: string }> }> }>(
    request,
    apiKey,
    `{ webCampaigns { id name ctas { id label } } }`,
  );
  const campaign = webCampaigns.find((c) => c.name === CAMPAIGN);
  expect(campaign, `campaign ${CAMPAIGN}`).toBeDefined();
  const cta = campaign!.ctas.find((c) => c.label === CTA);
  expect(cta, `CTA ${CTA}`).toBeDefined();

  const { account: before } = await graphql<{ account: { credits: number; sandbox: boolean } }>(request, apiKey, `{ account { credits sandbox } }`);
  expect(before.sandbox).toBe(true);

  const { recordCtaCompletion: receipt } = await graphql<{
    recordCtaCompletion: { duplicate: boolean; mobileProblem: string | null; candidate: { id: string; mobile: string | null }; startedWorkflows: Array<{ id: string; name: string }> };
  }>(
    request,
    apiKey,
    `mutation ($input: CtaCompletionInput!) {
       recordCtaCompletion(input: $input) {
         duplicate mobileProblem
         candidate { id mobile }
         startedWorkflows { id name }
       }
     }`,
    { input: { eventId: `e2e-cta-${stamp}`, candidate, ctaId: cta!.id, webCampaignId: campaign!.id } },
  );
  expect(receipt.duplicate).toBe(false);
  expect(receipt.mobileProblem).toBeNull();
  expect(receipt.candidate.mobile).toBe('+61491570156');
  const started = receipt.startedWorkflows.find((w) => w.name === WORKFLOW);
  expect(started, `${WORKFLOW} started`).toBeDefined();
  const workflowId = started!.id;

  // The workflow's id is also what a recruiter's GraphQL lookup gives.
  const janeToken = await login(request, 'jane@acme.test');
  const { workflows } = await graphql<{ workflows: Array<{ id: string; name: string }> }>(
    request,
    janeToken,
    `query ($search: String) { workflows(search: $search) { id name } }`,
    { search: WORKFLOW },
  );
  expect(workflows.find((w) => w.name === WORKFLOW)?.id).toBe(workflowId);

  // --- As Jane, in the browser.
  await signIn(page, 'jane@acme.test');
  await expect(page.getByTestId('sandbox-badge')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
  await expect(page.getByRole('heading', { name: 'Workflows', exact: true })).toBeVisible();

  // Workflows → the workflow → History; straight to the history page if a link is missing.
  const visible = (locator: ReturnType<typeof page.getByRole>) =>
    locator.waitFor({ state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
  const workflowLink = page.getByRole('link', { name: WORKFLOW, exact: true }).first();
  if (await visible(workflowLink)) await workflowLink.click();
  else await page.goto(`/workflows/${workflowId}`);
  await expect(page).toHaveURL(new RegExp(`/workflows/${workflowId}`));
  const historyLink = page.getByRole('link', { name: 'History', exact: true });
  if (await visible(historyLink)) await historyLink.click();
  else await page.goto(`/workflows/${workflowId}/history`);

  await expect(page).toHaveURL(new RegExp(`/workflows/${workflowId}/history`));
  await expect(page.getByRole('heading', { name: `${WORKFLOW}: history` })).toBeVisible();

  // The run shows up (the page also refreshes itself while the engine works).
  const run = page.getByRole('article', { name: `Run for ${fullName}` });
  await expect(run).toBeVisible({ timeout: 20_000 });
  await expect(run).toContainText(`e2e-cta-${stamp}`);
  await expect(run.getByTestId('step-state')).toHaveText('Sent', { timeout: 20_000 });
  await expect(run.getByTestId('run-state')).toHaveText('Sent');
  await expect(run).toContainText('1. Chat Message');
  const expectedStart = `Hi ${candidate.firstName}, thanks for registering your interest in ${CAMPAIGN}!`;
  await expect(run.getByTestId('step-message-body')).toContainText(expectedStart);
  await expect(run.getByTestId('sandbox-marker')).toBeVisible();

  // Filtering by state keeps it under "Sent" and drops it under "Failed".
  await page.getByRole('textbox', { name: 'Candidate name' }).fill(candidate.lastName);
  await expect(page).toHaveURL(/q=Hopper/);
  await expect(run).toBeVisible();
  await page.getByRole('textbox', { name: 'Latest step' }).click();
  await page.getByRole('option', { name: 'Failed' }).click();
  await expect(page.getByText('No runs match')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(run).toBeVisible();

  // --- The candidate's profile: the SMS tab has the message, marked Sandbox.
  await run.getByRole('link', { name: fullName }).click();
  await expect(page).toHaveURL(new RegExp(`/candidates/${receipt.candidate.id}$`));
  await expect(page.getByRole('heading', { name: fullName })).toBeVisible();
  await expect(page.getByTestId('external-id')).toHaveText(candidate.externalId);
  await expect(page.getByTestId('candidate-mobile')).toContainText('+61491570156');
  await expect(page.getByRole('tab', { name: /SMS/ })).toHaveAttribute('aria-selected', 'true');
  const bubble = page.getByTestId('sms-thread').locator('[data-direction="OUTBOUND"]').first();
  await expect(bubble.getByTestId('sms-body')).toHaveText(new RegExp(`^${expectedStart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(bubble.getByTestId('sms-meta')).toContainText(`Jane Doe · via ${WORKFLOW}`);
  await expect(bubble.getByTestId('delivery-status')).toHaveText('Sent');
  await expect(bubble.getByTestId('sandbox-marker')).toBeVisible();

  // The candidates list finds them by ATS id.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).click();
  await page.getByRole('textbox', { name: 'Search candidates' }).fill(candidate.externalId);
  const rows = page.getByRole('table', { name: 'Candidates' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(fullName);
  await expect(rows.nth(1)).toContainText('+61491570156');

  // --- Credits follow the send: the header and the credit history show the debit.
  const { account: after } = await graphql<{ account: { credits: number } }>(request, janeToken, `{ account { credits } }`);
  expect(after.credits).toBeLessThan(before.credits);
  await expect(page.getByTestId('credit-balance')).toHaveText(`${after.credits} credits`, { timeout: 20_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SMS numbers & credits' }).click();
  const debit = page.getByRole('table', { name: 'Credit history' }).getByRole('row').filter({ hasText: `SMS to ${fullName}` });
  await expect(debit).toHaveCount(1);
  await expect(debit.getByTestId('ledger-delta')).toHaveText(`\u2212${before.credits - after.credits}`);
});
