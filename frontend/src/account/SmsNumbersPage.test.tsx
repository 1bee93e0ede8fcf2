import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { graphqlError, mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { SmsNumbersPage } from './SmsNumbersPage';

const account = {
  __typename: 'Account',
  id: 'acc-acme',
  name: 'Acme Talent',
  companyNumber: '+61480000000',
  credits: 500,
  timezone: 'Australia/Sydney',
  sandbox: true,
  smsNumbers: [
    { __typename: 'SmsNumber', number: '+61480000000', kind: 'COMPANY', fromName: 'Acme Talent', user: null },
    {
      __typename: 'SmsNumber',
      number: '+61480000001',
      kind: 'USER',
      fromName: 'Jane Recruiter',
      user: { __typename: 'User', id: 'u-jane', name: 'Jane Recruiter', email: 'jane@acme.test' },
    },
  ],
};

const renderPage = (client: ReturnType<typeof mockClient>['client']) =>
  renderWithProviders(<SmsNumbersPage />, { client, route: '/settings/numbers', path: '/settings/numbers' });

describe('SmsNumbersPage', () => {
  it('shows credits, company details and every number with its From name', () => {
    const { client } = mockClient({ SmsNumbersPage: { data: { account } }, CreditLedger: { data: { creditLedger: [] } } });
    renderPage(client);

    expect(screen.getByTestId('credits')).toHaveTextContent('500');
    expect(screen.getByTestId('timezone')).toHaveTextContent('Australia/Sydney');
    expect(screen.getByText('Sandbox mode')).toBeInTheDocument();

    const rows = within(screen.getByRole('table', { name: 'SMS numbers' })).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('+61480000000');
    expect(rows[1]).toHaveTextContent('Company');
    expect(rows[1]).toHaveTextContent('Acme Talent');
    expect(rows[2]).toHaveTextContent('+61480000001');
    expect(rows[2]).toHaveTextContent('User');
    expect(rows[2]).toHaveTextContent('Jane Recruiter');
    expect(rows[2]).toHaveTextContent('jane@acme.test');
  });

  it('has a credit history section under the numbers', () => {
    const { client } = mockClient({
      SmsNumbersPage: { data: { account } },
      CreditLedger: {
        data: {
          creditLedger: [
            { __typename: 'CreditLedgerEntry', id: 'l-2', at: '2026-11-28T04:07:00Z', reason: 'Refund: SMS not sent', delta: 1, balanceAfter: 500 },
            { __typename: 'CreditLedgerEntry', id: 'l-1', at: '2026-11-28T04:06:00Z', reason: 'SMS to Olivia Nguyen', delta: -1, balanceAfter: 499 },
          ],
        },
      },
    });
    renderPage(client);
    expect(screen.getByRole('heading', { name: 'Credit history' })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Credit history' })).getAllByRole('row')).toHaveLength(3);
  });

  it('shows a skeleton while loading', () => {
    const { client } = mockClient({ SmsNumbersPage: 'pending' });
    renderPage(client);
    expect(screen.getByLabelText('Loading SMS numbers')).toBeInTheDocument();
  });

  it("shows the server's message when loading fails", () => {
    const { client } = mockClient({ SmsNumbersPage: { error: graphqlError('Account not found.', 'NOT_FOUND') } });
    renderPage(client);
    expect(screen.getByRole('alert')).toHaveTextContent('Account not found.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
