import { Alert, Box, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDeviceMobileMessage } from '@tabler/icons-react';
import type { SmsEncoding } from '../gql/graphql';
import { ENCODING_LABEL } from './smsFormat';

export interface PreviewData {
  text: string;
  encoding: SmsEncoding;
  characters: number;
  segments: number;
  credits: number;
  senderNumber: string;
  fromName: string;
  candidateName: string;
}

function Stat({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/**
 * What the candidate will receive: the rendered text in a message bubble, who it comes from, and
 * what it costs (segments and credits for one message).
 */
export function MessagePreviewCard({
  preview,
  loading,
  error,
  emptyHint,
}: {
  preview: PreviewData | null | undefined;
  loading: boolean;
  error?: string | null;
  emptyHint?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" aria-label="Message preview" role="region" data-testid="message-preview">
      <Stack gap="sm">
        <Group gap={6}>
          <IconDeviceMobileMessage size={18} />
          <Text fw={600} size="sm">
            Preview
          </Text>
          {preview && (
            <Text size="xs" c="dimmed">
              for {preview.candidateName}
            </Text>
          )}
        </Group>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
            <Text size="sm">{error}</Text>
          </Alert>
        ) : !preview ? (
          loading ? (
            <Stack gap="xs" aria-busy="true" aria-label="Loading preview">
              <Skeleton h={14} w="50%" />
              <Skeleton h={72} radius="lg" />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {emptyHint ?? 'Nothing to preview yet.'}
            </Text>
          )
        ) : (
          <Box style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 120ms' }}>
            <Text size="sm" mb={6} data-testid="preview-from">
              From <b>{preview.fromName}</b> ({preview.senderNumber})
            </Text>
            <Box
              bg="gray.1"
              px="md"
              py="sm"
              style={{ borderRadius: '18px 18px 18px 4px', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              data-testid="preview-text"
            >
              <Text size="sm">{preview.text || ' '}</Text>
            </Box>
            <SimpleGrid cols={2} mt="sm" spacing="xs" verticalSpacing="xs">
              <Stat label="Encoding" value={ENCODING_LABEL[preview.encoding]} testId="preview-encoding" />
              <Stat label="Characters" value={preview.characters.toLocaleString('en')} testId="preview-characters" />
              <Stat label="Segments" value={preview.segments} testId="preview-segments" />
              <Stat label="Credits per message" value={preview.credits} testId="preview-credits" />
            </SimpleGrid>
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
