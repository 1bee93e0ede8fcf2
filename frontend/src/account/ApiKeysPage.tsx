import { useMemo } from 'react';
import { Alert, Button, Skeleton, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconLock, IconPlus } from '@tabler/icons-react';
import { useQuery } from 'urql';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { graphql } from '../gql';
import { errorClassification, errorMessage } from '../lib/errors';
import { ApiKeysTable } from './ApiKeysTable';
import { CreateApiKeyModal } from './CreateApiKeyModal';

export const ApiKeysPageMeQuery = graphql(`
  query ApiKeysPageMe {
    me {
      id
      role
    }
  }
`);

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      id
      ...ApiKeyFields
    }
  }
`);

const DESCRIPTION = 'Keys let integrations such as your ATS or career site call the RecruitFlow API for this account.';

function AdminOnlyNote() {
  return (
    <Alert color="blue" variant="light" icon={<IconLock size={18} />} title="Only account admins can manage API keys" data-testid="api-keys-admin-only">
      API keys give an integration access to the whole account, so only admins can create, see or revoke them. Ask an
      admin of your account if your ATS or career site needs one.
    </Alert>
  );
}

function LoadingSkeleton() {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading API keys">
      <Skeleton h={40} radius="sm" />
      <Skeleton h={40} radius="sm" />
      <Skeleton h={40} radius="sm" />
    </Stack>
  );
}

function AdminApiKeys({ onCreate }: { onCreate: () => void }) {
  // An empty list names no type, so tell the cache which type create/revoke must refresh.
  const context = useMemo(() => ({ additionalTypenames: ['ApiKey'] }), []);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ApiKeysQuery, context });

  if (!data && fetching) return <LoadingSkeleton />;
  if (!data && error) {
    if (errorClassification(error) === 'FORBIDDEN') return <AdminOnlyNote />;
    return <ErrorState message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  }
  if (!data) return null;
  if (data.apiKeys.length === 0) {
    return (
      <EmptyState
        icon={<IconKey size={28} />}
        title="No API keys yet"
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={onCreate} mt="xs">
            Create your first key
          </Button>
        }
      >
        Create a key for each integration, so you can revoke one without disturbing the others.
      </EmptyState>
    );
  }
  return <ApiKeysTable apiKeys={data.apiKeys} />;
}

export function ApiKeysPage() {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ApiKeysPageMeQuery });
  const [createOpened, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const isAdmin = data?.me.role === 'ADMIN';

  let body;
  if (!data && fetching) body = <LoadingSkeleton />;
  else if (!data && error) body = <ErrorState message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!data) body = null;
  else if (!isAdmin) body = <AdminOnlyNote />;
  else body = <AdminApiKeys onCreate={openCreate} />;

  return (
    <>
      <PageHeader
        title="API keys"
        description={DESCRIPTION}
        actions={
          isAdmin && (
            <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
              New API key
            </Button>
          )
        }
      />
      {body}
      {isAdmin && <CreateApiKeyModal opened={createOpened} onClose={closeCreate} />}
    </>
  );
}
