import { useMemo } from 'react';
import { Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useQuery } from 'urql';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { formatDateTime, formatNumber } from '../lib/format';
import { useVisibleInterval } from '../lib/useVisibleInterval';
import { CREDIT_REFRESH_INTERVAL_MS } from '../shell/creditRefresh';
import { formatCreditDelta } from './creditDelta';

export const CreditLedgerQuery = graphql(`
  query CreditLedger($first: Int) {
    creditLedger(first: $first) {
      id
      at
      reason
      delta
      balanceAfter
    }
  }
`);

export const LEDGER_SIZE = 50;

/** Every change of the credit balance, newest first: what it was for, by how much, and what was left. */
export function CreditLedger() {
  // An empty ledger names no type; tell the cache what may change it.
  const context = useMemo(() => ({ additionalTypenames: ['CreditLedgerEntry'] }), []);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CreditLedgerQuery, variables: { first: LEDGER_SIZE }, context });
  useVisibleInterval(() => reexecute({ requestPolicy: 'network-only' }), CREDIT_REFRESH_INTERVAL_MS);

  let body;
  if (!data && fetching) {
    body = (
      <Stack gap="xs" aria-busy="true" aria-label="Loading credit history">
        <Skeleton h={40} radius="sm" />
        <Skeleton h={40} radius="sm" />
        <Skeleton h={40} radius="sm" />
      </Stack>
    );
  } else if (!data && error) {
    body = <ErrorState title="Couldn't load the credit history" message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  } else if (data && data.creditLedger.length === 0) {
    body = (
      <EmptyState icon={<IconReceipt size={28} />} title="No credit changes yet">
        Each SMS a workflow sends debits one credit per segment, and a message that could not be sent is refunded.
        Every change will be listed here.
      </EmptyState>
    );
  } else if (data) {
    body = (
      <Card withBorder radius="md" p={0}>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Credit history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th ta="right">Change</Table.Th>
                <Table.Th ta="right">Balance after</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.creditLedger.map((entry) => (
                <Table.Tr key={entry.id} data-testid={`ledger-row-${entry.id}`}>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(entry.at)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.reason}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text
                      size="sm"
                      fw={600}
                      ff="monospace"
                      c={entry.delta > 0 ? 'teal.7' : entry.delta < 0 ? 'red.7' : 'dimmed'}
                      data-testid="ledger-delta"
                    >
                      {formatCreditDelta(entry.delta)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" ff="monospace" data-testid="ledger-balance">
                      {formatNumber(entry.balanceAfter)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    );
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="credit-history-title">
      <Group justify="space-between" align="baseline">
        <Title order={3} fz="lg" id="credit-history-title">
          Credit history
        </Title>
        {data && data.creditLedger.length >= LEDGER_SIZE && (
          <Text size="xs" c="dimmed">
            The latest {LEDGER_SIZE} changes
          </Text>
        )}
      </Group>
      {body}
    </Stack>
  );
}
