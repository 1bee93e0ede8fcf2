import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Card, Code, Group, SimpleGrid, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconMessage, IconMessageOff, IconRefresh, IconUserQuestion } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { PageHeader } from '../components/PageHeader';
import { graphql } from '../gql';
import { errorClassification, errorMessage } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { useVisibleInterval } from '../lib/useVisibleInterval';
import { SimulateReplyButton } from '../inbox/SimulateReplyButton';
import { useLiveCandidateMessages } from '../inbox/useLiveCandidateMessages';
import { AtsStatusBadge } from './AtsStatusBadge';
import { formatDate } from './formatDate';
import { SmsThread } from './SmsThread';

export const CandidateProfileQuery = graphql(`
  query CandidateProfile($id: ID!, $messages: Int) {
    candidate(id: $id) {
      id
      externalId
      fullName
      email
      mobile
      mobileProblem
      atsStatus
      unknown
      customFields {
        name
        value
      }
      smsOptOut {
        at
        keyword
      }
      createdAt
      updatedAt
      messages(first: $messages) {
        id
        ...SmsThreadMessage
      }
    }
    account {
      id
      sandbox
    }
  }
`);

/** The most messages the API gives at once. */
export const PROFILE_MESSAGES = 200;
/**
 * SMS and delivery reports arrive live; this slow re-read is a safety net for what has no live
 * event (details the ATS changed).
 */
export const PROFILE_REFRESH_MS = 60_000;

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <div data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </div>
    </Stack>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/candidates" size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} />
      All candidates
    </Anchor>
  );
}

function ProfileSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading candidate">
      <Skeleton h={32} w={260} />
      <Skeleton h={140} radius="md" />
      <Skeleton h={220} radius="md" />
    </Stack>
  );
}

function NotFound() {
  return (
    <>
      <BackLink />
      <PageHeader title="Candidate not found" />
      <EmptyState
        icon={<IconUserQuestion size={28} />}
        title="We couldn’t find this candidate"
        action={
          <Button component={Link} to="/candidates" variant="light" leftSection={<IconArrowLeft size={16} />} mt="xs">
            Back to candidates
          </Button>
        }
      >
        The link may be wrong, or the candidate belongs to another account.
      </EmptyState>
    </>
  );
}

/** One candidate: details from the ATS, SMS consent, and every SMS in both directions. */
export function CandidateProfilePage() {
  const { id = '' } = useParams();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: CandidateProfileQuery,
    variables: { id, messages: PROFILE_MESSAGES },
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  useVisibleInterval(refresh, data?.candidate ? PROFILE_REFRESH_MS : null);
  // Both directions, live: replies, our SMS from anywhere (inbox, other tabs, workflows), delivery
  // reports; and a re-read after a lost connection.
  useLiveCandidateMessages(data?.candidate ? id : null, refresh);

  if (!data && fetching) {
    return (
      <>
        <BackLink />
        <ProfileSkeleton />
      </>
    );
  }
  if (!data && error) {
    if (errorClassification(error) === 'NOT_FOUND') return <NotFound />;
    return (
      <>
        <BackLink />
        <PageHeader title="Candidate" />
        <ErrorState message={errorMessage(error)} onRetry={refresh} />
      </>
    );
  }
  const candidate = data?.candidate;
  if (!candidate) return <NotFound />;

  const optOut = candidate.smsOptOut;

  return (
    <>
      <BackLink />
      <PageHeader
        title={candidate.fullName}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            {candidate.unknown ? (
              <Badge component="span" size="sm" radius="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
                Unknown sender: not in your ATS
              </Badge>
            ) : (
              <Text span size="sm" c="dimmed">
                ATS id <Code data-testid="external-id">{candidate.externalId}</Code>
              </Text>
            )}
            <AtsStatusBadge status={candidate.atsStatus} />
            {optOut && (
              <Badge component="span" size="sm" radius="sm" variant="light" color="red" leftSection={<IconMessageOff size={12} />} style={{ textTransform: 'none' }}>
                Opted out
              </Badge>
            )}
          </Group>
        }
        actions={
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={refresh}>
            Refresh
          </Button>
        }
      />

      <Stack gap="lg">
        {optOut && (
          <Alert color="red" variant="light" icon={<IconMessageOff size={18} />} title="Opted out of SMS" data-testid="opt-out-alert">
            {candidate.fullName} texted <b>{optOut.keyword}</b> on {formatDate(optOut.at)}. No automated SMS go to them
            until they text START.
          </Alert>
        )}
        {!candidate.mobile && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="No valid mobile number" data-testid="mobile-problem-alert">
            {candidate.mobileProblem ?? 'The ATS has not sent a mobile number.'} Chat Message steps for {candidate.fullName}{' '}
            are skipped until the ATS sends a number that can be texted.
          </Alert>
        )}

        <Card withBorder radius="md" padding="lg">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
            <Field label="Mobile" testId="candidate-mobile">
              {candidate.mobile ? (
                <Text ff="monospace" size="sm">
                  {candidate.mobile}
                </Text>
              ) : (
                <Text size="sm" c="red.7" data-testid="candidate-mobile-problem">
                  {candidate.mobileProblem ?? 'No mobile number'}
                </Text>
              )}
            </Field>
            <Field label="Email" testId="candidate-email">
              {candidate.email ? (
                <Anchor href={`mailto:${candidate.email}`} size="sm">
                  {candidate.email}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Field>
            <Field label="SMS consent" testId="candidate-consent">
              {optOut ? (
                <Text size="sm" c="red.7">
                  Opted out ({optOut.keyword}, {formatDate(optOut.at)})
                </Text>
              ) : (
                <Text size="sm" c="teal.7">
                  Subscribed
                </Text>
              )}
            </Field>
            <Field label="Updated">
              <Text size="sm">{formatDateTime(candidate.updatedAt)}</Text>
              <Text size="xs" c="dimmed">
                Added {formatDate(candidate.createdAt)}
              </Text>
            </Field>
          </SimpleGrid>
          {candidate.customFields.length > 0 && (
            <>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt="lg" mb={6} style={{ letterSpacing: '0.04em' }}>
                Custom fields
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" data-testid="custom-fields">
                {candidate.customFields.map((field) => (
                  <Group key={field.name} gap={6} wrap="nowrap" miw={0}>
                    <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                      {field.name}:
                    </Text>
                    <Text size="sm" truncate="end" title={field.value}>
                      {field.value}
                    </Text>
                  </Group>
                ))}
              </SimpleGrid>
            </>
          )}
        </Card>

        <Tabs defaultValue="sms" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="sms" leftSection={<IconMessage size={16} />}>
              SMS
              <Badge size="xs" variant="light" color="gray" ml={6} circle={false}>
                {candidate.messages.length}
              </Badge>
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="sms" pt="md">
            {data?.account?.sandbox && candidate.mobile && (
              <Group justify="flex-end" mb="sm">
                <SimulateReplyButton candidateId={candidate.id} candidateName={candidate.fullName} onSimulated={refresh} />
              </Group>
            )}
            <Card withBorder radius="md" padding="lg" bg="var(--mantine-color-body)">
              <SmsThread messages={candidate.messages} candidateName={candidate.fullName} />
            </Card>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
