import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Button, Card, CloseButton, Group, SegmentedControl, Skeleton, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconRoute, IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { graphql } from '../gql';
import type { WorkflowStatus, WorkflowsQuery as WorkflowsQueryResult } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { WorkflowRow } from './WorkflowRow';

export const WorkflowsQuery = graphql(`
  query Workflows($status: WorkflowStatus, $search: String) {
    workflows(status: $status, search: $search) {
      id
      ...WorkflowRowFields
    }
  }
`);

type Filter = 'all' | 'active' | 'paused';

const FILTER_STATUS: Record<Filter, WorkflowStatus | null> = { all: null, active: 'ACTIVE', paused: 'PAUSED' };

function asFilter(value: string | null): Filter {
  return value === 'active' || value === 'paused' ? value : 'all';
}

function LoadingSkeleton() {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading workflows">
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} h={48} radius="sm" />
      ))}
    </Stack>
  );
}

export function WorkflowsPage() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const filter = asFilter(params.get('status'));

  // Filter and search live in the URL, so Back and a reload keep them.
  useEffect(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (debouncedSearch) next.set('q', debouncedSearch);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debouncedSearch, setParams]);

  const setFilter = (value: Filter) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === 'all') next.delete('status');
        else next.set('status', value);
        return next;
      },
      { replace: true },
    );

  const variables = useMemo(
    () => ({ status: FILTER_STATUS[filter], search: debouncedSearch || null }),
    [filter, debouncedSearch],
  );
  // An empty answer names no type, so say which one pause, copy and delete must refresh.
  const context = useMemo(() => ({ additionalTypenames: ['Workflow'] }), []);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: WorkflowsQuery, variables, context });

  // While a new search loads, keep showing the last answer rather than flashing a skeleton.
  const lastData = useRef<WorkflowsQueryResult | undefined>(undefined);
  if (data) lastData.current = data;
  const shown = data ?? lastData.current;
  const narrowed = filter !== 'all' || debouncedSearch !== '';

  const newButton = (
    <Button component={Link} to="/workflows/new" leftSection={<IconPlus size={16} />}>
      New
    </Button>
  );

  let body;
  if (!shown && fetching) body = <LoadingSkeleton />;
  else if (!shown && error)
    body = <ErrorState message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!shown) body = null;
  else if (shown.workflows.length === 0 && !narrowed)
    body = (
      <EmptyState
        icon={<IconRoute size={28} />}
        title="No workflows yet"
        action={
          <Button component={Link} to="/workflows/new" leftSection={<IconPlus size={16} />} mt="xs">
            Create your first workflow
          </Button>
        }
      >
        A workflow texts candidates automatically when they complete a call-to-action on a web campaign or move to a new ATS
        status.
      </EmptyState>
    );
  else if (shown.workflows.length === 0)
    body = (
      <EmptyState
        icon={<IconSearch size={28} />}
        title="No workflows match"
        action={
          <Button
            variant="default"
            mt="xs"
            onClick={() => {
              setSearch('');
              setFilter('all');
            }}
          >
            Show all workflows
          </Button>
        }
      >
        {debouncedSearch
          ? `No ${filter === 'all' ? '' : `${filter} `}workflow has “${debouncedSearch}” in its name.`
          : `No workflow is ${filter} right now.`}
      </EmptyState>
    );
  else
    body = (
      <Card withBorder radius="md" p={0} style={{ opacity: fetching && !data ? 0.6 : 1, transition: 'opacity 120ms' }}>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Workflows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={44} aria-label="Status" />
                <Table.Th>Name</Table.Th>
                <Table.Th>Trigger</Table.Th>
                <Table.Th ta="right">Steps</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.workflows.map((workflow) => (
                <WorkflowRow key={workflow.id} workflow={workflow} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    );

  return (
    <>
      <PageHeader
        title="Workflows"
        description="A green dot means the workflow is active and runs whenever its trigger happens. Pause it to stop new runs."
        actions={newButton}
      />
      <Group mb="md" gap="sm" wrap="wrap">
        <TextInput
          aria-label="Search workflows by name"
          placeholder="Search by name"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} /> : null}
          style={{ flex: '1 1 260px', maxWidth: 360 }}
        />
        <SegmentedControl
          aria-label="Show workflows"
          value={filter}
          onChange={(value) => setFilter(asFilter(value))}
          data={[
            { value: 'all', label: 'All' },
            { value: 'active', label: 'Active' },
            { value: 'paused', label: 'Paused' },
          ]}
        />
      </Group>
      {error && shown && (
        <Box mb="md">
          <ErrorState title="Couldn't refresh the list" message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        </Box>
      )}
      {body}
    </>
  );
}
