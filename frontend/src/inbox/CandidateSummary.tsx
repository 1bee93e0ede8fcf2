import type { ReactNode } from 'react';
import { Anchor, Avatar, Badge, Button, Divider, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconMessageOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { InboxMessage } from './fragments';
import { formatFull } from './format';
import { SimulateReplyButton } from './SimulateReplyButton';
import type { ThreadConversation } from './useConversationThread';

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <div data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </div>
    </Stack>
  );
}

/** The right pane: who the candidate is, whether they can be texted, and a way to their profile. */
export function CandidateSummary({
  conversation,
  sandbox,
  onSimulated,
}: {
  conversation: ThreadConversation;
  sandbox: boolean;
  onSimulated: (message: InboxMessage) => void;
}) {
  const { candidate } = conversation;
  const optOut = candidate.smsOptOut;
  return (
    <Stack gap="md" p="md" data-testid="candidate-summary" aria-label="Candidate">
      <Stack gap={6} align="center" ta="center">
        <Avatar name={candidate.fullName} color="initials" size={56} radius="xl" />
        <Title order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>
          {candidate.fullName}
        </Title>
        {candidate.unknown && (
          <Badge size="sm" radius="sm" variant="light" color="gray" style={{ textTransform: 'none' }}>
            Unknown sender: not in your ATS
          </Badge>
        )}
      </Stack>
      <Divider />
      <Field label="Mobile" testId="summary-mobile">
        {candidate.mobile ? (
          <Text size="sm" ff="monospace">
            {candidate.mobile}
          </Text>
        ) : (
          <Text size="sm" c="red.7">
            {candidate.mobileProblem ?? 'No mobile number'}
          </Text>
        )}
      </Field>
      {candidate.email && (
        <Field label="Email">
          <Anchor href={`mailto:${candidate.email}`} size="sm">
            {candidate.email}
          </Anchor>
        </Field>
      )}
      <Field label="ATS status" testId="summary-ats-status">
        {candidate.atsStatus ? (
          <Badge size="sm" radius="sm" variant="light" style={{ textTransform: 'none' }}>
            {candidate.atsStatus}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Field>
      <Field label="SMS consent" testId="summary-consent">
        {optOut ? (
          <Badge
            size="sm"
            radius="sm"
            variant="light"
            color="red"
            leftSection={<IconMessageOff size={12} />}
            style={{ textTransform: 'none' }}
            title={formatFull(optOut.at)}
          >
            Opted out ({optOut.keyword}, {dayFormat.format(new Date(optOut.at))})
          </Badge>
        ) : (
          <Text size="sm" c="teal.7">
            Subscribed
          </Text>
        )}
      </Field>
      <Field label="Assigned to">
        <Text size="sm">{conversation.assignedUser?.name ?? 'Account admins'}</Text>
        <Text size="xs" c="dimmed">
          Replies to {conversation.ourNumber}
        </Text>
      </Field>
      <Button
        component={Link}
        to={`/candidates/${candidate.id}`}
        variant="default"
        size="xs"
        rightSection={<IconExternalLink size={14} />}
        data-testid="candidate-profile-link"
      >
        Open full profile
      </Button>
      {sandbox && candidate.mobile && (
        <SimulateReplyButton
          candidateId={candidate.id}
          candidateName={candidate.fullName}
          toNumber={conversation.ourNumber}
          onSimulated={onSimulated}
        />
      )}
    </Stack>
  );
}
