import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconCoins, IconFlask } from '@tabler/icons-react';
import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../gql';
import { formatCredits } from '../lib/format';

export const AccountStatus_AccountFragment = graphql(`
  fragment AccountStatus_Account on Account {
    id
    name
    credits
    sandbox
  }
`);

export const SANDBOX_TOOLTIP = 'Sandbox mode: messages are recorded, not sent, until a MessageBird key is configured.';

/** The account name, its SMS credit balance and, while no SMS provider is set up, a Sandbox badge. */
export function AccountStatus(props: { account: FragmentType<typeof AccountStatus_AccountFragment> }) {
  const account = getFragmentData(AccountStatus_AccountFragment, props.account);
  const low = account.credits < 50;
  return (
    <Group gap="sm" wrap="nowrap">
      <Text fw={600} size="sm" truncate="end" maw={220} data-testid="account-name" visibleFrom="xs">
        {account.name}
      </Text>
      <Tooltip label="SMS credits left: one credit per SMS segment" withArrow>
        <Badge
          component={Link}
          to="/settings/numbers"
          size="lg"
          radius="sm"
          variant="light"
          color={account.credits === 0 ? 'red' : low ? 'orange' : 'indigo'}
          leftSection={<IconCoins size={14} />}
          style={{ cursor: 'pointer', textTransform: 'none', flexShrink: 0 }}
          data-testid="credit-balance"
        >
          {formatCredits(account.credits)}
        </Badge>
      </Tooltip>
      {account.sandbox && (
        <Tooltip label={SANDBOX_TOOLTIP} withArrow multiline w={260}>
          <Badge
            size="lg"
            radius="sm"
            variant="light"
            color="orange"
            leftSection={<IconFlask size={14} />}
            style={{ textTransform: 'none', flexShrink: 0 }}
            data-testid="sandbox-badge"
            tabIndex={0}
            aria-label={SANDBOX_TOOLTIP}
          >
            <Text span inherit visibleFrom="sm">
              Sandbox
            </Text>
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
