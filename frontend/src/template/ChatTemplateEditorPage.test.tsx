import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CombinedError, type GraphQLRequest, type OperationContext } from 'urql';
import { mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { ChatTemplateEditorPage } from './ChatTemplateEditorPage';

// Mantine's comboboxes and modals make these tests slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const mergeFields = [
  { __typename: 'MergeField', token: '{{candidate.firstName}}', description: "The candidate's first name", example: 'Alex' },
  { __typename: 'MergeField', token: '{{optOut}}', description: "Your account's opt-out sentence", example: 'Reply STOP to opt out.' },
];

// é is in the GSM-7 alphabet; a curly apostrophe and emoji are not.
const GSM = /^[A-Za-z0-9 .,!?'{}\né-]*$/;

/** A stand-in for the server's measuring: enough to tell GSM-7 from UCS-2 and find unknown fields. */
function previewFor(body: string) {
  const unicode = [...new Set([...body].filter((c) => !GSM.test(c)))];
  const ucs2 = unicode.length > 0;
  const characters = ucs2 ? body.length : body.length + (body.match(/[{}]/g)?.length ?? 0);
  const perSegment = ucs2 ? 70 : 160;
  const unknown = [...body.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)]
    .map((m) => m[1]!)
    .filter((name) => !['candidate.firstName', 'optOut'].includes(name))
    .map((name) => `{{${name}}}`);
  const measure = {
    encoding: ucs2 ? 'UCS_2' : 'GSM_7',
    characters,
    segments: 1,
    credits: 1,
    unicodeCharacters: unicode,
    remainingInSegment: perSegment - characters,
  };
  return {
    data: {
      previewChatMessage: {
        __typename: 'MessagePreview',
        text: body.replace('{{candidate.firstName}}', 'Alex'),
        ...measure,
        senderNumber: '+61480000001',
        fromName: 'Jane Doe',
        unknownMergeFields: unknown,
        candidateName: 'Alex Sample',
        bodyMeasure: { __typename: 'SmsMeasure', ...measure, maxCharacters: 1377 },
      },
    },
  };
}

function client(extra: Parameters<typeof mockClient>[0] = {}) {
  return mockClient({
    ChatMergeFields: { data: { chatMergeFields: mergeFields } },
    TemplateDraftPreview: (variables) => previewFor(variables.body as string),
    ...extra,
  });
}

const renderNew = (c: ReturnType<typeof mockClient>['client']) =>
  renderWithProviders(<ChatTemplateEditorPage />, { client: c, route: '/templates/new', path: '/templates/new' });

const body = () => screen.getByRole('textbox', { name: /Message/ });

describe('Chat template editor', () => {
  it('counts as the recruiter types and shows the sample preview', async () => {
    const { client: c } = client();
    const user = userEvent.setup();
    renderNew(c);

    await user.type(body(), 'Hi there');
    await waitFor(() => expect(screen.getByTestId('sms-counter')).toHaveTextContent('8 / 1,377 characters'));
    const counter = screen.getByTestId('sms-counter');
    expect(counter).toHaveTextContent('1 segment');
    expect(counter).toHaveTextContent('GSM-7');
    expect(counter).toHaveTextContent('1 credit per message');
    expect(screen.getByTestId('remaining-in-segment')).toHaveTextContent('152 characters left in this segment');
    expect(screen.getByTestId('preview-from')).toHaveTextContent('From Jane Doe (+61480000001)');
    expect(screen.getByText('for Alex Sample')).toBeInTheDocument();
    expect(screen.queryByTestId('ucs2-warning')).not.toBeInTheDocument();
  });

  it('warns when a character switches the message to UCS-2, naming it', async () => {
    const { client: c, executeQuery } = client();
    renderNew(c);

    fireEvent.change(body(), { target: { value: 'Let’s meet at the café 😀' } });
    const warning = await screen.findByTestId('ucs2-warning');
    expect(warning).toHaveTextContent('This message will be sent as UCS-2');
    expect(within(warning).getAllByTestId('ucs2-character').map((c) => c.textContent)).toEqual(['’', '😀']);
    expect(warning).toHaveTextContent('70 characters instead of 160');
    expect(screen.getByTestId('sms-counter')).toHaveTextContent('UCS-2');
    // The draft body is what gets measured.
    const asked = executeQuery.mock.calls.filter(([r]) => r.query.definitions.some((d) => 'name' in d && d.name?.value === 'TemplateDraftPreview'));
    expect(asked.at(-1)![0].variables).toEqual({ body: 'Let’s meet at the café 😀' });

    fireEvent.change(body(), { target: { value: "Let's meet at the café" } });
    await waitFor(() => expect(screen.queryByTestId('ucs2-warning')).not.toBeInTheDocument());
  });

  it('shows unknown merge fields as errors and does not save them', async () => {
    const { client: c, executeMutation } = client();
    const user = userEvent.setup();
    renderNew(c);

    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Welcome');
    fireEvent.change(body(), { target: { value: 'Hi {{candidate.first}}, welcome! {{optOut}}' } });
    const unknown = await screen.findByTestId('unknown-merge-fields');
    expect(unknown).toHaveTextContent('{{candidate.first}}');
    expect(unknown).not.toHaveTextContent('{{optOut}}');
    expect(screen.getByText(/Unknown merge field: \{\{candidate\.first\}\}/)).toBeInTheDocument();
    expect(body()).toHaveAttribute('aria-invalid', 'true');

    await user.click(screen.getByRole('button', { name: 'Create template' }));
    expect(executeMutation).not.toHaveBeenCalled();

    fireEvent.change(body(), { target: { value: 'Hi {{candidate.firstName}}, welcome! {{optOut}}' } });
    await waitFor(() => expect(screen.queryByTestId('unknown-merge-fields')).not.toBeInTheDocument());
  });

  it('inserts a merge field at the cursor, then creates the template', async () => {
    const { client: c, executeMutation } = client({
      CreateChatTemplate: { data: { createChatTemplate: { __typename: 'ChatTemplate', id: 't-new', name: 'Welcome', version: 0 } } },
    });
    const user = userEvent.setup();
    renderNew(c);

    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Welcome');
    await user.type(body(), 'Hi , welcome!');
    (body() as HTMLTextAreaElement).setSelectionRange(3, 3);
    await user.click(screen.getByRole('button', { name: 'Insert merge field' }));
    await user.click(await screen.findByRole('menuitem', { name: '{{candidate.firstName}}' }));
    expect(body()).toHaveValue('Hi {{candidate.firstName}}, welcome!');

    await user.click(screen.getByRole('button', { name: 'Create template' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({ input: { name: 'Welcome', body: 'Hi {{candidate.firstName}}, welcome!' } });
    expect(await screen.findByText('Stand-in for /templates')).toBeInTheDocument();
    expect(screen.getByText('Template created')).toBeInTheDocument();
  });

  it('asks for a name and a body before saving', async () => {
    const { client: c, executeMutation } = client();
    const user = userEvent.setup();
    renderNew(c);
    await user.click(screen.getByRole('button', { name: 'Create template' }));
    expect(screen.getByText(/Give the template a name/)).toBeInTheDocument();
    expect(screen.getByText('Write the message.')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });
});

describe('Editing a chat template', () => {
  const stored = {
    __typename: 'ChatTemplate',
    id: 't-1',
    name: 'Thanks for registering',
    body: 'Hi {{candidate.firstName}}, thanks!',
    version: 3,
    usedByWorkflows: ['Graduate registration follow-up'],
  };
  const renderEdit = (c: ReturnType<typeof mockClient>['client']) =>
    renderWithProviders(<ChatTemplateEditorPage />, { client: c, route: '/templates/t-1', path: '/templates/:id' });

  it('saves with expectedVersion and shows a stale edit as a conflict with Reload', async () => {
    const { client: c, executeMutation, executeQuery } = client({
      ChatTemplateEditor: { data: { chatTemplate: stored } },
      UpdateChatTemplate: {
        error: new CombinedError({
          graphQLErrors: [
            { message: 'This chat template was changed by someone else (version 4, yours 3). Reload and try again.', extensions: { classification: 'BAD_REQUEST', code: 'CONFLICT' } },
          ],
        }),
      },
    });
    const user = userEvent.setup();
    renderEdit(c);

    expect(body()).toHaveValue('Hi {{candidate.firstName}}, thanks!');
    expect(screen.getByText(/Used by “Graduate registration follow-up”/)).toBeInTheDocument();
    await user.type(body(), ' See you soon.');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(executeMutation).toHaveBeenCalledTimes(1));
    expect(executeMutation.mock.calls[0]![0].variables).toEqual({
      id: 't-1',
      input: { name: 'Thanks for registering', body: 'Hi {{candidate.firstName}}, thanks! See you soon.', expectedVersion: 3 },
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this template');
    expect(alert).toHaveTextContent('(version 4, yours 3)');
    const before = executeQuery.mock.calls.length;
    await user.click(within(alert).getByRole('button', { name: 'Reload' }));
    const reloads = (executeQuery.mock.calls as unknown as Array<[GraphQLRequest, Partial<OperationContext>?]>)
      .slice(before)
      .filter(([r, ctx]) => r.query.definitions.some((d) => 'name' in d && d.name?.value === 'ChatTemplateEditor') && ctx?.requestPolicy === 'network-only');
    expect(reloads).toHaveLength(1);
  });
});
