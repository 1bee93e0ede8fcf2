import { useMemo } from 'react';
import { ActionIcon, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTemplate, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { firstLine, plural } from './smsFormat';
import { useConfirmDeleteTemplate } from './useConfirmDeleteTemplate';

export const ChatTemplatesQuery = graphql(`
  query ChatTemplates {
    chatTemplates {
      id
      name
      body
      usedByWorkflows
      measure {
        encoding
        characters
        segments
        credits
      }
    }
  }
`);

function LoadingSkeleton() {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading chat templates">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} h={52} radius="sm" />
      ))}
    </Stack>
  );
}

export function ChatTemplatesPage() {
  const context = useMemo(() => ({ additionalTypenames: ['ChatTemplate'] }), []);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ChatTemplatesQuery, context });
  const confirmDelete = useConfirmDeleteTemplate();

  let body;
  if (!data && fetching) body = <LoadingSkeleton />;
  else if (!data && error) body = <ErrorState message={errorMessage(error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!data) body = null;
  else if (data.chatTemplates.length === 0)
    body = (
      <EmptyState
        icon={<IconTemplate size={28} />}
        title="No chat templates yet"
        action={
          <Button component={Link} to="/templates/new" leftSection={<IconPlus size={16} />} mt="xs">
            Write your first template
          </Button>
        }
      >
        A template is the text a workflow's Chat Message sends, with merge fields such as the candidate's first name.
      </EmptyState>
    );
  else
    body = (
      <Card withBorder radius="md" p={0}>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label="Chat templates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>First line</Table.Th>
                <Table.Th>Size</Table.Th>
                <Table.Th>Used by</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.chatTemplates.map((template) => (
                <Table.Tr key={template.id} data-testid={`template-row-${template.id}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/templates/${template.id}`} fw={600} size="sm" c="dark.7">
                      {template.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td maw={360}>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {firstLine(template.body)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {plural(template.measure.segments, 'segment')} · {plural(template.measure.credits, 'credit')}
                      </Text>
                      {template.measure.encoding === 'UCS_2' && (
                        <Tooltip label="Contains characters outside GSM-7: 70 characters per SMS" withArrow>
                          <Badge size="xs" color="yellow" variant="light">
                            UCS-2
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {template.usedByWorkflows.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        No workflows
                      </Text>
                    ) : (
                      <Tooltip label={template.usedByWorkflows.join(', ')} withArrow multiline maw={320}>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {plural(template.usedByWorkflows.length, 'workflow')}
                        </Text>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} justify="flex-end" wrap="nowrap">
                      <Tooltip label="Edit" withArrow>
                        <ActionIcon variant="subtle" color="gray" size="lg" component={Link} to={`/templates/${template.id}`} aria-label={`Edit ${template.name}`}>
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Delete" withArrow>
                        <ActionIcon variant="subtle" color="red" size="lg" onClick={() => confirmDelete(template)} aria-label={`Delete ${template.name}`}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    );

  return (
    <>
      <PageHeader
        title="Chat templates"
        description="The SMS texts your workflows send. Each segment of a message costs one credit."
        actions={
          <Button component={Link} to="/templates/new" leftSection={<IconPlus size={16} />}>
            New
          </Button>
        }
      />
      {body}
    </>
  );
}
