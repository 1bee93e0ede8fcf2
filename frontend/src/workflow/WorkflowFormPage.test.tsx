import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CombinedError, type GraphQLRequest, type OperationContext } from 'urql';
import { mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { WorkflowFormPage } from './WorkflowFormPage';

// Mantine's comboboxes and modals make these tests slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const ALL_OPERATORS = ['EQUALS', 'NOT_EQUALS', 'IN', 'CONTAINS', 'EXISTS'];
const STATUSES = ['New', 'Screening', 'Interview', 'Offer', 'Hired', 'Rejected'];

const formOptions = {
  webCampaigns: [
    {
      __typename: 'WebCampaign',
      id: 'camp-grad',
      name: 'Graduate Program 2027',
      ctas: [
        { __typename: 'Cta', id: 'cta-register', label: 'Register interest' },
        { __typename: 'Cta', id: 'cta-apply', label: 'Apply now' },
      ],
    },
    {
      __typename: 'WebCampaign',
      id: 'camp-summer',
      name: 'Summer Internships 2027',
      ctas: [{ __typename: 'Cta', id: 'cta-register', label: 'Register interest' }],
    },
  ],
  account: { __typename: 'Account', id: 'acc', atsStatuses: STATUSES },
  criteriaFields: [
    { __typename: 'CriteriaField', field: 'atsStatus', label: 'ATS status', operators: ['EQUALS', 'NOT_EQUALS', 'IN', 'EXISTS'], values: STATUSES },
    { __typename: 'CriteriaField', field: 'emailDomain', label: 'Email domain', operators: ALL_OPERATORS, values: [] },
    { __typename: 'CriteriaField', field: 'customFields.<name>', label: 'Custom field', operators: ALL_OPERATORS, values: [] },
  ],
};

const existing = {
  __typename: 'Workflow',
  id: 'wf-1',
  name: 'Interview invitation',
  version: 7,
  trigger: { __typename: 'WorkflowTrigger', type: 'ATS_STATUS_CHANGED', cta: null, webCampaign: null, toStatus: 'Interview', fromStatus: 'Screening' },
  criteria: [{ __typename: 'Criterion', field: 'emailDomain', operator: 'EQUALS', values: ['example.com'] }],
  reentryMinimumMinutes: 2880,
};

function conflictError() {
  return new CombinedError({
    graphQLErrors: [
      {
        message: 'This workflow was changed by someone else since you opened it (version 8, yours 7). Reload and try again.',
        extensions: { classification: 'BAD_REQUEST', code: 'CONFLICT' },
      },
    ],
  });
}

async function choose(user: ReturnType<typeof userEvent.setup>, label: string | RegExp, option: string | RegExp) {
  await user.click(screen.getByRole('textbox', { name: label }));
  // A CTA shared by two campaigns is listed under both: the first will do.
  await user.click((await screen.findAllByRole('option', { name: option }))[0]!);
}

describe('New workflow', () => {
  const renderNew = (client: ReturnType<typeof mockClient>['client']) =>
    renderWithProviders(<WorkflowFormPage />, { client, route: '/workflows/new', path: '/workflows/new' });

  it('shows the CTA fields or the ATS status fields for the chosen trigger', async () => {
    const { client } = mockClient({ WorkflowFormOptions: { data: formOptions } });
    const user = userEvent.setup();
    renderNew(client);

    expect(screen.getByRole('radio', { name: 'CTA completed' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('textbox', { name: /^CTA/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Only in web campaign/ })).toBeDisabled();
    expect(screen.queryByRole('textbox', { name: /To status/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'ATS status changed' }));
    expect(screen.getByRole('textbox', { name: /To status/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /From status/ })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /^CTA/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Only in web campaign/ })).not.toBeInTheDocument();
  });

  it('groups CTAs by web campaign and offers only the campaigns of the chosen CTA', async () => {
    const { client } = mockClient({ WorkflowFormOptions: { data: formOptions } });
    const user = userEvent.setup();
    renderNew(client);

    await user.click(screen.getByRole('textbox', { name: /^CTA/ }));
    const listbox = await screen.findByRole('listbox');
    expect(listbox).toHaveTextContent('Graduate Program 2027');
    expect(listbox).toHaveTextContent('Summer Internships 2027');
    await user.click(within(listbox).getAllByRole('option', { name: 'Apply now' })[0]!);

    await user.click(screen.getByRole('textbox', { name: /Only in web campaign/ }));
    expect(await screen.findByRole('option', { name: 'Graduate Program 2027' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Summer Internships 2027' })).not.toBeInTheDocument();
  });

  it('explains what is missing and sends nothing', async () => {
    const { client, executeMutation } = mockClient({ WorkflowFormOptions: { data: formOptions } });
    const user = userEvent.setup();
    renderNew(client);

    await user.click(screen.getByRole('button', { name: 'Create workflow' }));
    expect(screen.getByText(/Give the workflow a name/)).toBeInTheDocument();
    expect(screen.getByText('Choose the CTA whose completion starts this workflow.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'ATS status changed' }));
    expect(screen.getByText('Choose the status that starts this workflow.')).toBeInTheDocument();
    await choose(user, /To status/, 'Interview');
    await choose(user, /From status/, 'Interview');
    expect(screen.getByText('The from status must differ from the to status.')).toBeInTheDocument();

    await user.click(screen.getByRole('textbox', { name: /^Name/ }));
    await user.paste('x'.repeat(101));
    expect(screen.getByText('Use at most 100 characters (now 101).')).toBeInTheDocument();

    await user.clear(screen.getByRole('textbox', { name: /Minimum delay/ }));
    await user.type(screen.getByRole('textbox', { name: /Minimum delay/ }), '400');
    expect(screen.getByText('The minimum delay can be at most a year (365 days).')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('creates a CTA workflow with only the CTA fields, and Enter submits', async () => {
    const { client, executeMutation } = mockClient({
      WorkflowFormOptions: { data: formOptions },
      CreateWorkflow: { data: { createWorkflow: { __typename: 'Workflow', id: 'wf-new', name: 'Register interest', version: 0 } } },
    });
    const user = userEvent.setup();
    renderNew(client);

    await choose(user, /^CTA/, 'Register interest');
    await choose(user, /Only in web campaign/, 'Summer Internships 2027');
    await user.clear(screen.getByRole('textbox', { name: /Minimum delay/ }));
    await user.type(screen.getByRole('textbox', { name: /Minimum delay/ }), '2');
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), '  Register interest {Enter}');

    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({
      input: {
        name: 'Register interest',
        trigger: { type: 'CTA_COMPLETED', ctaId: 'cta-register', webCampaignId: 'camp-summer' },
        criteria: [],
        reentryMinimumMinutes: 2 * 1440,
      },
    });
    expect(await screen.findByText('Stand-in for /workflows/wf-new')).toBeInTheDocument();
    expect(screen.getByText('Workflow created')).toBeInTheDocument();
  });
});

describe('Edit workflow', () => {
  const renderEdit = (client: ReturnType<typeof mockClient>['client']) =>
    renderWithProviders(<WorkflowFormPage />, { client, route: '/workflows/wf-1/edit', path: '/workflows/:id/edit' });

  it('starts from the stored workflow and sends expectedVersion', async () => {
    const { client, executeMutation } = mockClient({
      WorkflowFormOptions: { data: formOptions },
      WorkflowForEdit: { data: { workflow: existing } },
      UpdateWorkflow: { data: { updateWorkflow: { __typename: 'Workflow', id: 'wf-1', name: 'Interview invitation', version: 8 } } },
    });
    const user = userEvent.setup();
    renderEdit(client);

    expect(screen.getByRole('radio', { name: 'ATS status changed' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('textbox', { name: /To status/ })).toHaveValue('Interview');
    expect(screen.getByRole('textbox', { name: /From status/ })).toHaveValue('Screening');
    expect(screen.getByRole('textbox', { name: /Minimum delay/ })).toHaveValue('2');
    expect(screen.getByRole('textbox', { name: /^Unit/ })).toHaveValue('days');
    expect(screen.getByRole('textbox', { name: 'Value of criterion 1' })).toHaveValue('example.com');

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({
      id: 'wf-1',
      input: {
        name: 'Interview invitation',
        trigger: { type: 'ATS_STATUS_CHANGED', toStatus: 'Interview', fromStatus: 'Screening' },
        criteria: [{ field: 'emailDomain', operator: 'EQUALS', values: ['example.com'] }],
        reentryMinimumMinutes: 2880,
        expectedVersion: 7,
      },
    });
  });

  it('shows a stale edit as a conflict with a Reload action', async () => {
    const { client, executeQuery } = mockClient({
      WorkflowFormOptions: { data: formOptions },
      WorkflowForEdit: { data: { workflow: existing } },
      UpdateWorkflow: { error: conflictError() },
    });
    const user = userEvent.setup();
    renderEdit(client);

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this workflow');
    expect(alert).toHaveTextContent('(version 8, yours 7)');

    const before = executeQuery.mock.calls.length;
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    const calls = executeQuery.mock.calls as unknown as Array<[GraphQLRequest, Partial<OperationContext>?]>;
    const reloads = calls.slice(before).filter(([request, context]) =>
      request.query.definitions.some((d) => 'name' in d && d.name?.value === 'WorkflowForEdit') && context?.requestPolicy === 'network-only',
    );
    expect(reloads).toHaveLength(1);
  });
});
