import { Alert, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingSkyscraper, IconClock, IconCoins, IconFlask, IconPhone } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { formatNumber } from '../lib/format';
import { useVisibleInterval } from '../lib/useVisibleInterval';
import { CREDIT_REFRESH_INTERVAL_MS } from '../shell/creditRefresh';
import { CreditLedger } from './CreditLedger';

export const SmsNumbersPageQuery = graphql(`
  query SmsNumbersPage {
    account {
      id
      name
      companyNumber
      credits
      timezone
      sandbox
      smsNumbers {
        number
        kind
        fromName
        user {
          id
          name
          email
        }
      }
    }
  }
`);

function Stat({ icon, label, value, hint, testId }: { icon: ReactNode; label: string; value: ReactNode; hint?: string; testId?: string }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" radius="md" size={38}>
          {icon}
        </ThemeIcon>
        <Stack gap={2} miw={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.04em' }}>
            {label}
          </Text>
          <Text fw={700} fz="lg" style={{ overflowWrap: 'break-word' }} data-testid={testId}>
            {value}
          </Text>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

/** "Australia/Sydney" may wrap after the slash, never inside a word. */
function BreakAfterSlashes({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}

function LoadingSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading SMS numbers">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} h={96} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton h={28} w={180} />
      <Skeleton h={160} radius="md" />
    </Stack>
  );
}

export function SmsNumbersPage() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: SmsNumbersPageQuery });
  // Credits follow sends, like the header's balance and the credit history below.
  useVisibleInterval(() => reexecute({ requestPolicy: 'network-only' }), CREDIT_REFRESH_INTERVAL_MS);
  const account = data?.account;

  return (
    <>
      <PageHeader
        title="SMS numbers & credits"
        description="The numbers your SMS are sent from, the name candidates see, and the credits left on the account with their history."
      />
      {!account && fetching && <LoadingSkeleton />}
      {!account && !fetching && error && (
        <ErrorState message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      {account && (
        <Stack gap="xl">
          {account.sandbox && (
            <Alert color="orange" variant="light" icon={<IconFlask size={18} />} title="Sandbox mode">
              No MessageBird access key is configured, so messages are recorded but not sent to candidates.
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
            <Stat icon={<IconCoins size={20} />} label="Credits" value={formatNumber(account.credits)} hint="One credit per SMS segment" testId="credits" />
            <Stat icon={<IconBuildingSkyscraper size={20} />} label="Company name" value={account.name} hint="From name with the company number" />
            <Stat icon={<IconPhone size={20} />} label="Company number" value={account.companyNumber} hint="Used when a sender has no number" />
            <Stat icon={<IconClock size={20} />} label="Timezone" value={<BreakAfterSlashes text={account.timezone} />} testId="timezone" />
          </SimpleGrid>

          <Stack gap="sm">
            <Title order={3} fz="lg">
              Numbers
            </Title>
            <Card withBorder radius="md" p={0}>
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="SMS numbers">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Number</Table.Th>
                      <Table.Th>Belongs to</Table.Th>
                      <Table.Th>User</Table.Th>
                      <Table.Th>From name candidates see</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {account.smsNumbers.map((n) => (
                      <Table.Tr key={n.number}>
                        <Table.Td ff="monospace">{n.number}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={n.kind === 'COMPANY' ? 'indigo' : 'teal'}>
                            {n.kind === 'COMPANY' ? 'Company' : 'User'}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {n.user ? (
                            <Stack gap={0}>
                              <Text size="sm">{n.user.name}</Text>
                              <Text size="xs" c="dimmed">
                                {n.user.email}
                              </Text>
                            </Stack>
                          ) : (
                            <Text size="sm" c="dimmed">
                              Everyone without their own number
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{n.fromName}</Table.Td>
                      </Table.Tr>
                    ))}
                    {account.smsNumbers.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={4}>
                          <Text size="sm" c="dimmed" ta="center" py="md">
                            No SMS numbers yet.
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
            <Text size="xs" c="dimmed">
              Numbers are allocated when SMS is activated for the account or a recruiter. Recruiters without their own
              number send from the company number, under the company name.
            </Text>
          </Stack>

          <CreditLedger />
        </Stack>
      )}
    </>
  );
}
