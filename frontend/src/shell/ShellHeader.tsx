import { Burger, Group, Skeleton, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from 'urql';
import { Logo } from '../components/Logo';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { ConnectionIndicator } from '../lib/live/ConnectionIndicator';
import { NotificationBell } from '../notifications/NotificationBell';
import { AccountStatus } from './AccountStatus';
import { useCreditRefresh } from './creditRefresh';
import { UserMenu } from './UserMenu';

export const ShellHeaderQuery = graphql(`
  query ShellHeader {
    me {
      id
      ...UserMenu_User
    }
    account {
      id
      ...AccountStatus_Account
    }
  }
`);

export function ShellHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ShellHeaderQuery });
  // The balance changes as workflows send in the background: keep it current.
  useCreditRefresh(() => reexecute({ requestPolicy: 'network-only' }));

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
        <Logo withName />
      </Group>
      <Group gap="md" wrap="nowrap">
        <ConnectionIndicator />
        {data ? (
          <>
            <AccountStatus account={data.account} />
            <NotificationBell />
            <UserMenu user={data.me} />
          </>
        ) : error && !fetching ? (
          <Tooltip label={errorMessage(error)} withArrow multiline w={260}>
            <IconAlertTriangle size={20} color="var(--mantine-color-red-6)" aria-label="Account details unavailable" />
          </Tooltip>
        ) : (
          <Group gap="sm" wrap="nowrap" aria-busy="true" aria-label="Loading account">
            <Skeleton h={20} w={110} radius="sm" />
            <Skeleton h={26} w={100} radius="sm" />
            <Skeleton h={32} w={32} circle />
          </Group>
        )}
      </Group>
    </Group>
  );
}
