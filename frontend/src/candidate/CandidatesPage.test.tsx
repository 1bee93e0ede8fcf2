import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { graphqlError, mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { CANDIDATES_PAGE_SIZE, CandidatesPage } from './CandidatesPage';

function candidate(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Candidate',
    id: 'c-1',
    externalId: 'ATS-1001',
    fullName: 'Olivia Nguyen',
    email: 'olivia.nguyen@example.com',
    mobile: '+61412345678',
    mobileProblem: null,
    atsStatus: 'New',
    unknown: false,
    smsOptOut: null,
    updatedAt: '2026-11-28T04:06:10Z',
    ...overrides,
  };
}

function page(nodes: unknown[], totalCount = nodes.length, pageInfo = { hasNextPage: false, endCursor: null as string | null }) {
  return {
    candidates: {
      __typename: 'CandidateConnection',
      totalCount,
      edges: nodes.map((node) => ({ __typename: 'CandidateEdge', cursor: (node as { id: string }).id, node })),
      pageInfo: { __typename: 'PageInfo', ...pageInfo },
    },
  };
}

const renderPage = (client: ReturnType<typeof mockClient>['client'], route = '/candidates') =>
  renderWithProviders(<CandidatesPage />, { client, route, path: '/candidates' });

describe('CandidatesPage', () => {
  it('lists candidates with mobile or its problem, ATS status and opt-out', async () => {
    const { client } = mockClient({
      CandidatesPage: {
        data: page([
          candidate(),
          candidate({ id: 'c-2', fullName: 'Liam Smith', mobile: null, mobileProblem: "'0400' is not a valid mobile number", atsStatus: 'Screening' }),
          candidate({ id: 'c-3', fullName: 'Ava Williams', smsOptOut: { __typename: 'SmsOptOut', at: '2026-11-01T01:00:00Z', keyword: 'STOP' } }),
        ]),
      },
    });
    const user = userEvent.setup();
    renderPage(client);

    const table = screen.getByRole('table', { name: 'Candidates' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Olivia Nguyen');
    expect(rows[0]).toHaveTextContent('+61412345678');
    expect(within(rows[0]!).getByTestId('ats-status')).toHaveTextContent('New');
    expect(within(rows[0]!).queryByTestId('opted-out')).not.toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('mobile-problem')).toHaveTextContent("'0400' is not a valid mobile number");
    expect(within(rows[2]!).getByTestId('opted-out')).toHaveTextContent('Opted out');
    expect(screen.getByTestId('candidates-count')).toHaveTextContent('1–3 of 3 candidates');

    await user.click(within(rows[1]!).getByText('Screening'));
    expect(await screen.findByText('Stand-in for /candidates/c-2')).toBeInTheDocument();
  });

  it('passes the search to the API, debounced, and says when nobody matches', async () => {
    const calls: Array<Record<string, unknown>> = [];
    const { client } = mockClient({
      CandidatesPage: (variables) => {
        calls.push(variables);
        return { data: variables.search ? page([]) : page([candidate()]) };
      },
    });
    const user = userEvent.setup();
    renderPage(client);
    expect(calls[0]).toEqual({ search: null, first: CANDIDATES_PAGE_SIZE, after: null });

    await user.type(screen.getByRole('textbox', { name: 'Search candidates' }), 'zed');
    await waitFor(() => expect(calls.some((v) => v.search === 'zed')).toBe(true));
    expect(calls.some((v) => v.search === 'z' || v.search === 'ze')).toBe(false);
    expect(await screen.findByText('No candidates match')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByText('Olivia Nguyen')).toBeInTheDocument();
  });

  it('pages with the end cursor', async () => {
    const { client, executeQuery } = mockClient({
      CandidatesPage: (variables) =>
        variables.after === 'c-1'
          ? { data: page([candidate({ id: 'c-2', fullName: 'Liam Smith' })], 26) }
          : { data: page([candidate()], 26, { hasNextPage: true, endCursor: 'c-1' }) },
    });
    const user = userEvent.setup();
    renderPage(client);

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Liam Smith')).toBeInTheDocument();
    expect(executeQuery.mock.calls.at(-1)![0].variables).toMatchObject({ after: 'c-1' });
    expect(screen.getByTestId('candidates-count')).toHaveTextContent('26–26 of 26 candidates');
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('Olivia Nguyen')).toBeInTheDocument();
  });

  it('has an empty state and an error state', () => {
    const empty = mockClient({ CandidatesPage: { data: page([]) } });
    const first = renderPage(empty.client);
    expect(screen.getByText('No candidates yet')).toBeInTheDocument();
    first.unmount();

    const failing = mockClient({ CandidatesPage: { error: graphqlError('first must be 1 to 100.', 'BAD_REQUEST') } });
    renderPage(failing.client);
    expect(screen.getByRole('alert')).toHaveTextContent('first must be 1 to 100.');
  });
});
