import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, CloseButton, Group, Select, Skeleton, Stack, TextInput } from '@mantine/core';
import { IconArrowLeft, IconHistory, IconPlayerPause, IconRefresh, IconRoute, IconSearch, IconX } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import { graphql } from '../../gql';
import type { StepState, WorkflowHistoryWorkflowQuery as WorkflowHistoryWorkflowData } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { useDebouncedSearchParam } from '../../lib/useDebouncedSearchParam';
import { useVisibleInterval } from '../../lib/useVisibleInterval';
import { RunCard } from './RunCard';
import { FILTERABLE_STATES, isStepState } from './stepStates';

export const WorkflowHistoryWorkflowQuery = graphql(`
  query WorkflowHistoryWorkflow($id: ID!) {
    workflow(id: $id) {
      id
      name
      status
      trigger {
        type
        cta {
          id
          label
        }
        webCampaign {
          id
          name
        }
        toStatus
        fromStatus
      }
    }
  }
`);

export const WorkflowHistoryRunsQuery = graphql(`
  query WorkflowHistoryRuns($workflowId: ID!, $state: StepState, $search: String, $first: Int, $after: String) {
    workflowRuns(workflowId: $workflowId, state: $state, search: $search, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...WorkflowRunFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const RUNS_PAGE_SIZE = 20;
/** Runs move on in the background; look again this often while the tab is visible. */
export const HISTORY_REFRESH_MS = 10_000;
const SEARCH_DEBOUNCE_MS = 300;

type HistoryWorkflow = NonNullable<WorkflowHistoryWorkflowData['workflow']>;

/** "a candidate completes “Register interest” on Graduate Program 2027". */
export function triggerInWords(trigger: HistoryWorkflow['trigger']): string {
  if (trigger.type === 'CTA_COMPLETED') {
    const cta = trigger.cta ? `“${trigger.cta.label}”` : 'a call-to-action';
    return `a candidate completes ${cta} ${trigger.webCampaign ? `on ${trigger.webCampaign.name}` : 'on any web campaign'}`;
  }
  const from = trigger.fromStatus ? ` from ${trigger.fromStatus}` : '';
  return `a candidate's ATS status changes${from} to ${trigger.toStatus ?? 'a new status'}`;
}

function RunsSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" aria-label="Loading runs">
      <Skeleton h={150} radius="md" />
      <Skeleton h={150} radius="md" />
    </Stack>
  );
}

interface RunsPageProps {
  workflowId: string;
  state: StepState | null;
  search: string;
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  refreshSignal: number;
  onLoadMore: (cursor: string) => void;
  onChanged: () => void;
  empty: ReactNode;
}

/** One page of runs. Pages are stacked, each with its own query, so "Load more" keeps what is on screen. */
function RunsPage({ workflowId, state, search, after, isFirst, isLast, refreshSignal, onLoadMore, onChanged, empty }: RunsPageProps) {
  const variables = useMemo(
    () => ({ workflowId, state, search: search || null, first: RUNS_PAGE_SIZE, after }),
    [workflowId, state, search, after],
  );
  const context = useMemo(() => ({ additionalTypenames: ['WorkflowRun', 'StepExecution'] }), []);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: WorkflowHistoryRunsQuery, variables, context });

  useVisibleInterval(() => reexecute({ requestPolicy: 'network-only' }), HISTORY_REFRESH_MS);
  const seenSignal = useRef(refreshSignal);
  useEffect(() => {
    if (refreshSignal === seenSignal.current) return;
    seenSignal.current = refreshSignal;
    reexecute({ requestPolicy: 'network-only' });
  }, [refreshSignal, reexecute]);

  if (!data && fetching) return <RunsSkeleton />;
  if (!data && error) return <ErrorState title="Couldn't load the runs" message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return null;

  const { edges, pageInfo } = data.workflowRuns;
  if (isFirst && edges.length === 0) return <>{empty}</>;
  return (
    <>
      {edges.map((edge) => (
        <RunCard key={edge.node.id} run={edge.node} onChanged={onChanged} />
      ))}
      {isLast && pageInfo.hasNextPage && pageInfo.endCursor && (
        <Group justify="center">
          <Button variant="default" onClick={() => onLoadMore(pageInfo.endCursor!)} data-testid="load-more-runs">
            Load more runs
          </Button>
        </Group>
      )}
    </>
  );
}

interface RunListProps {
  workflow: HistoryWorkflow;
  state: StepState | null;
  search: string;
  refreshSignal: number;
  onChanged: () => void;
  onClearFilters: () => void;
}

function RunList({ workflow, state, search, refreshSignal, onChanged, onClearFilters }: RunListProps) {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);

  const filtered = state !== null || search !== '';
  const empty = filtered ? (
    <EmptyState
      icon={<IconSearch size={28} />}
      title="No runs match"
      action={
        <Button variant="light" leftSection={<IconX size={16} />} onClick={onClearFilters} mt="xs">
          Clear filters
        </Button>
      }
    >
      No run of this workflow {search ? `for a candidate named “${search}”` : ''}
      {state ? ` has its latest step ${FILTERABLE_STATES.find((s) => s.value === state)?.label.toLowerCase()}` : ''}.
    </EmptyState>
  ) : (
    <EmptyState icon={<IconHistory size={28} />} title="No runs yet">
      This workflow runs when {triggerInWords(workflow.trigger)}
      {workflow.status === 'PAUSED' ? ', once it is started again' : ''}. Each run will show here with every step and
      the SMS it sent, or why not.
    </EmptyState>
  );

  return (
    <Stack gap="md" data-testid="run-list">
      {cursors.map((after, index) => (
        <RunsPage
          key={after ?? 'first'}
          workflowId={workflow.id}
          state={state}
          search={search}
          after={after}
          isFirst={index === 0}
          isLast={index === cursors.length - 1}
          refreshSignal={refreshSignal}
          onLoadMore={(cursor) => setCursors((current) => (current.includes(cursor) ? current : [...current, cursor]))}
          onChanged={onChanged}
          empty={empty}
        />
      ))}
    </Stack>
  );
}

function BackLink({ workflowId }: { workflowId: string }) {
  return (
    <Anchor component={Link} to={`/workflows/${workflowId}`} size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} />
      Back to workflow
    </Anchor>
  );
}

/** Every run of a workflow, per candidate, with each step's state and reason; filterable, with retry. */
export function WorkflowHistoryPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = isStepState(stateParam) ? stateParam : null;
  const { input: searchInput, setInput: setSearchInput, committed: searchParam } = useDebouncedSearchParam('q', SEARCH_DEBOUNCE_MS);

  const setState = (value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('state', value);
        else next.delete('state');
        return next;
      },
      { replace: true },
    );

  const clearFilters = () => setParams(new URLSearchParams(), { replace: true });

  const [{ data, error, fetching }, reexecute] = useQuery({ query: WorkflowHistoryWorkflowQuery, variables: { id } });
  const workflow = data?.workflow;

  const [refreshSignal, setRefreshSignal] = useState(0);
  const refresh = () => setRefreshSignal((n) => n + 1);
  // After a retry or resolve the engine carries on in the background: look again shortly.
  const timers = useRef<number[]>([]);
  useEffect(() => () => timers.current.forEach((t) => window.clearTimeout(t)), []);
  const onChanged = () => {
    timers.current.push(window.setTimeout(refresh, 1_500), window.setTimeout(refresh, 5_000));
  };

  if (!data && fetching) {
    return (
      <>
        <BackLink workflowId={id} />
        <PageHeader title="Run history" />
        <RunsSkeleton />
      </>
    );
  }
  if (!data && error) {
    return (
      <>
        <BackLink workflowId={id} />
        <PageHeader title="Run history" />
        <ErrorState message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </>
    );
  }
  if (!workflow) {
    return (
      <>
        <PageHeader title="Workflow not found" />
        <EmptyState
          icon={<IconRoute size={28} />}
          title="There is no such workflow"
          action={
            <Button component={Link} to="/workflows" variant="light" leftSection={<IconArrowLeft size={16} />} mt="xs">
              Go to Workflows
            </Button>
          }
        >
          It may have been deleted, or the link is wrong.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <BackLink workflowId={workflow.id} />
      <PageHeader
        title={`${workflow.name}: history`}
        description={
          <>
            Every run of this workflow, newest first: each step’s state and the SMS it sent, or exactly why not. Runs
            start when {triggerInWords(workflow.trigger)}.
          </>
        }
        actions={
          <Group gap="xs">
            <Badge size="lg" radius="sm" variant="light" color={workflow.status === 'ACTIVE' ? 'teal' : 'yellow'} style={{ textTransform: 'none' }} data-testid="workflow-status">
              {workflow.status === 'ACTIVE' ? 'Active' : 'Paused'}
            </Badge>
          </Group>
        }
      />
      {workflow.status === 'PAUSED' && (
        <Alert color="yellow" variant="light" icon={<IconPlayerPause size={18} />} mb="md" title="This workflow is paused">
          It starts no new runs, and steps that were due are held until it is started again.
        </Alert>
      )}
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Candidate name"
          placeholder="Search by name"
          leftSection={<IconSearch size={16} />}
          value={searchInput}
          onChange={(event) => setSearchInput(event.currentTarget.value)}
          rightSection={
            searchInput ? (
              <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearchInput('')} />
            ) : undefined
          }
          w={{ base: '100%', xs: 280 }}
        />
        <Select
          label="Latest step"
          placeholder="Any state"
          data={FILTERABLE_STATES.map((s) => ({ value: s.value, label: s.label }))}
          value={state}
          onChange={setState}
          clearable
          w={{ base: '100%', xs: 200 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Button
          variant="subtle"
          leftSection={<IconRefresh size={16} />}
          onClick={() => {
            reexecute({ requestPolicy: 'network-only' });
            refresh();
          }}
          ml="auto"
        >
          Refresh
        </Button>
      </Group>
      <RunList
        key={`${state ?? ''}|${searchParam}`}
        workflow={workflow}
        state={state}
        search={searchParam}
        refreshSignal={refreshSignal}
        onChanged={onChanged}
        onClearFilters={clearFilters}
      />
    </>
  );
}
