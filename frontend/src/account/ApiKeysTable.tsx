import { Badge, Button, Card, Code, Table, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconKeyOff } from '@tabler/icons-react';
import { getFragmentData, type FragmentType } from '../gql';
import { errorMessage } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { ApiKeyFieldsFragment } from './ApiKeyFields';
import { useRevokeApiKey } from './useRevokeApiKey';

export function ApiKeysTable(props: { apiKeys: ReadonlyArray<FragmentType<typeof ApiKeyFieldsFragment>> }) {
  const apiKeys = getFragmentData(ApiKeyFieldsFragment, props.apiKeys);
  const [, revokeApiKey] = useRevokeApiKey();

  const confirmRevoke = (key: { id: string; name: string; prefix: string }) =>
    modals.openConfirmModal({
      title: <Text fw={600}>Revoke “{key.name}”?</Text>,
      centered: true,
      children: (
        <Text size="sm">
          Integrations using the key starting <Code>{key.prefix}</Code> will be refused from now on. This cannot be
          undone; create a new key if you need one again.
        </Text>
      ),
      labels: { confirm: 'Revoke key', cancel: 'Cancel' },
      confirmProps: { color: 'red', leftSection: <IconKeyOff size={16} /> },
      onConfirm: async () => {
        const result = await revokeApiKey({ id: key.id });
        if (result.error) {
          notifications.show({ color: 'red', title: 'The key was not revoked', message: errorMessage(result.error) });
        } else {
          notifications.show({ color: 'teal', title: 'API key revoked', message: `“${key.name}” no longer works.` });
        }
      },
    });

  return (
    <Card withBorder radius="md" p={0}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="API keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Created by</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {apiKeys.map((key) => (
              <Table.Tr key={key.id} data-testid={`api-key-row-${key.id}`}>
                <Table.Td fw={500}>{key.name}</Table.Td>
                <Table.Td>
                  <Code>{key.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(key.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{key.createdBy?.name ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={key.lastUsedAt ? undefined : 'dimmed'}>
                    {formatDateTime(key.lastUsedAt, 'Never')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {key.active ? (
                    <Badge color="teal" variant="light">
                      Active
                    </Badge>
                  ) : (
                    <Tooltip label={`Revoked ${formatDateTime(key.revokedAt)}`} withArrow disabled={!key.revokedAt}>
                      <Badge color="gray" variant="light">
                        Revoked
                      </Badge>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {key.active && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => confirmRevoke(key)} aria-label={`Revoke ${key.name}`}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
