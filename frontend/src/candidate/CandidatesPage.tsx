import { useMemo, useState } from 'react';
import { Anchor, Button, Card, CloseButton, Group, Skeleton, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight, IconSearch, IconUsers, IconX } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { useDebouncedSearchParam } from '../lib/useDebouncedSearchParam';
import { formatDateTime, formatNumber } from '../lib/format';
import { AtsStatusBadge } from './AtsStatusBadge';
import { OptOutBadge } from './OptOutBadge';

export const CandidatesPageQuery = graphql(`
  query CandidatesPage($search: String, $first: Int, $after: String) {
    candidates(search: $search, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          externalId
          fullName
          email
          mobile
          mobileProblem
          atsStatus
          unknown
          smsOptOut {
            at
            keyword
          }
          updatedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CANDIDATES_PAGE_SIZE = 25;
const SEARCH_DEBOUNCE_MS = 300;

function TableSkeleton() {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading candidates">
      {[0, 1, 2, 3, 4].map((i) => (
        <Skeleton key={i} h={44} radius="sm" />
      ))}
    </Stack>
  );
}

/** Pages are cursors: the stack holds the `after` of every page up to the one shown. */
function CandidateTable({ search, onClearSearch }: { search: string; onClearSearch: () => void }) {
  const navigate = useNavigate();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const variables = useMemo(() => ({ search: search || null, first: CANDIDATES_PAGE_SIZE, after }), [search, after]);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CandidatesPageQuery, variables });

  if (!data && fetching) return <TableSkeleton />;
  if (!data && error) return <ErrorState message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return null;

  const { edges, pageInfo, totalCount } = data.candidates;
  if (edges.length === 0 && cursors.length === 1) {
    return search ? (
      <EmptyState
        icon={<IconSearch size={28} />}
        title="No candidates match"
        action={
          <Button variant="light" leftSection={<IconX size={16} />} onClick={onClearSearch} mt="xs">
            Show all candidates
          </Button>
        }
      >
        Nobody’s name, email, mobile or ATS id contains “{search}”.
      </EmptyState>
    ) : (
      <EmptyState icon={<IconUsers size={28} />} title="No candidates yet">
        Candidates appear here when your ATS or career site sends RecruitFlow a CTA completion or an ATS status change.
      </EmptyState>
    );
  }

  const firstShown = (cursors.length - 1) * CANDIDATES_PAGE_SIZE + 1;
  const lastShown = firstShown + edges.length - 1;

  return (
    <Stack gap="sm">
      <Card withBorder radius="md" p={0}>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Candidates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>Name</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>Mobile</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>ATS status</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>SMS</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ opacity: fetching ? 0.6 : 1, transition: 'opacity 120ms' }}>
              {edges.map(({ node: c }) => (
                <Table.Tr
                  key={c.id}
                  onClick={() => navigate(`/candidates/${c.id}`)}
                  style={{ cursor: 'pointer' }}
                  data-testid={`candidate-row-${c.id}`}
                >
                  <Table.Td>
                    <Stack gap={0}>
                      <Anchor component={Link} to={`/candidates/${c.id}`} fw={600} size="sm" onClick={(e) => e.stopPropagation()}>
                        {c.fullName}
                      </Anchor>
                      <Text size="xs" c="dimmed" truncate="end" maw={280}>
                        {c.unknown ? 'Texted in from an unknown number' : (c.email ?? `ATS id ${c.externalId}`)}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td maw={260}>
                    {c.mobile ? (
                      <Text size="sm" ff="monospace">
                        {c.mobile}
                      </Text>
                    ) : (
                      <Group gap={4} wrap="nowrap" c="red.7" data-testid="mobile-problem">
                        <IconAlertTriangle size={14} style={{ flexShrink: 0 }} />
                        <Text size="sm" inherit>
                          {c.mobileProblem ?? 'No mobile number'}
                        </Text>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {c.atsStatus ? <AtsStatusBadge status={c.atsStatus} /> : <Text size="sm" c="dimmed">—</Text>}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {c.smsOptOut ? (
                      <OptOutBadge optOut={c.smsOptOut} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        Subscribed
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDateTime(c.updatedAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" data-testid="candidates-count">
          {edges.length === 0
            ? `${formatNumber(totalCount)} ${totalCount === 1 ? 'candidate' : 'candidates'}`
            : `${formatNumber(firstShown)}–${formatNumber(lastShown)} of ${formatNumber(totalCount)} ${totalCount === 1 ? 'candidate' : 'candidates'}`}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={14} />}
            disabled={cursors.length === 1}
            onClick={() => setCursors((current) => current.slice(0, -1))}
          >
            Previous
          </Button>
          <Tooltip label="No more candidates" disabled={pageInfo.hasNextPage} withArrow>
            <Button
              variant="default"
              size="xs"
              rightSection={<IconChevronRight size={14} />}
              disabled={!pageInfo.hasNextPage || !pageInfo.endCursor}
              onClick={() => pageInfo.endCursor && setCursors((current) => [...current, pageInfo.endCursor])}
            >
              Next
            </Button>
          </Tooltip>
        </Group>
      </Group>
    </Stack>
  );
}

/** Every candidate of the account, searchable by name, email, mobile or ATS id. */
export function CandidatesPage() {
  const [, setParams] = useSearchParams();
  const { input: searchInput, setInput: setSearchInput, committed: searchParam } = useDebouncedSearchParam('q', SEARCH_DEBOUNCE_MS);
  const clearSearch = () => setParams({}, { replace: true });

  return (
    <>
      <PageHeader
        title="Candidates"
        description="Everyone your ATS and web campaigns have told RecruitFlow about, with their mobile, ATS status and SMS consent."
      />
      <TextInput
        placeholder="Search by name, email, mobile or ATS id"
        aria-label="Search candidates"
        leftSection={<IconSearch size={16} />}
        rightSection={
          searchInput ? (
            <CloseButton size="sm" aria-label="Clear search" onClick={clearSearch} />
          ) : undefined
        }
        value={searchInput}
        onChange={(event) => setSearchInput(event.currentTarget.value)}
        maw={420}
        mb="md"
      />
      <CandidateTable key={searchParam} search={searchParam} onClearSearch={clearSearch} />
    </>
  );
}
