import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { graphqlError, mockClient } from '../test/mockClient';
import { renderWithProviders } from '../test/render';
import { CreditLedger, LEDGER_SIZE } from './CreditLedger';
import { formatCreditDelta } from './creditDelta';

const entry = (id: string, delta: number, balanceAfter: number, reason: string, at: string) => ({
  __typename: 'CreditLedgerEntry',
  id,
  delta,
  balanceAfter,
  reason,
  at,
});

const renderLedger = (client: ReturnType<typeof mockClient>['client']) =>
  renderWithProviders(<CreditLedger />, { client, route: '/settings/numbers', path: '/settings/numbers' });

describe('formatCreditDelta', () => {
  it('signs every change', () => {
    expect(formatCreditDelta(-1)).toBe('\u22121');
    expect(formatCreditDelta(-12)).toBe('\u221212');
    expect(formatCreditDelta(3)).toBe('+3');
    expect(formatCreditDelta(1500)).toBe('+1,500');
    expect(formatCreditDelta(0)).toBe('0');
  });
});

describe('CreditLedger', () => {
  it('lists changes newest first with signed deltas and the balance after', () => {
    const { client, executeQuery } = mockClient({
      CreditLedger: {
        data: {
          creditLedger: [
            entry('l-3', 2, 499, 'Refund: SMS not sent', '2026-11-28T05:00:00Z'),
            entry('l-2', -2, 497, 'SMS to Liam Smith', '2026-11-28T04:30:00Z'),
            entry('l-1', -1, 499, 'SMS to Olivia Nguyen', '2026-11-28T04:06:00Z'),
          ],
        },
      },
    });
    renderLedger(client);

    expect(executeQuery.mock.calls[0]![0].variables).toEqual({ first: LEDGER_SIZE });
    const rows = within(screen.getByRole('table', { name: 'Credit history' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByTestId('ledger-delta').textContent)).toEqual(['+2', '\u22122', '\u22121']);
    expect(rows.map((r) => within(r).getByTestId('ledger-balance').textContent)).toEqual(['499', '497', '499']);
    expect(rows[0]).toHaveTextContent('Refund: SMS not sent');
    expect(rows[2]).toHaveTextContent('SMS to Olivia Nguyen');
  });

  it('has an empty state', () => {
    const { client } = mockClient({ CreditLedger: { data: { creditLedger: [] } } });
    renderLedger(client);
    expect(screen.getByText('No credit changes yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows loading and error states', () => {
    const pending = mockClient({ CreditLedger: 'pending' });
    const first = renderLedger(pending.client);
    expect(screen.getByLabelText('Loading credit history')).toBeInTheDocument();
    first.unmount();

    const failing = mockClient({ CreditLedger: { error: graphqlError('first must be 1 to 200.', 'BAD_REQUEST') } });
    renderLedger(failing.client);
    expect(screen.getByRole('alert')).toHaveTextContent('first must be 1 to 200.');
  });
});
