import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { graphql, getFragmentData, type FragmentType } from '../gql';

export const UserMenu_UserFragment = graphql(`
  fragment UserMenu_User on User {
    id
    name
    email
    role
  }
`);

export const ROLE_LABELS: Record<string, string> = { ADMIN: 'Admin', RECRUITER: 'Recruiter' };

export function UserMenu(props: { user: FragmentType<typeof UserMenu_UserFragment> }) {
  const user = getFragmentData(UserMenu_UserFragment, props.user);
  const { signOut } = useAuth();
  const navigate = useNavigate();

  const onSignOut = () => {
    signOut();
    navigate('/login', { replace: true });
  };

  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${user.name}`} data-testid="user-menu" style={{ borderRadius: 'var(--mantine-radius-md)' }} p={4}>
          <Group gap={8} wrap="nowrap">
            <Avatar name={user.name} color="initials" radius="xl" size={32} />
            <Text size="sm" fw={500} visibleFrom="sm" truncate="end" maw={160}>
              {user.name}
            </Text>
            <IconChevronDown size={14} stroke={1.8} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as</Menu.Label>
        <Group px="sm" pb="xs" gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" fw={500} truncate="end" data-testid="user-email">
            {user.email}
          </Text>
          <Badge size="sm" variant="light" color={user.role === 'ADMIN' ? 'grape' : 'blue'} data-testid="user-role">
            {ROLE_LABELS[user.role] ?? user.role}
          </Badge>
        </Group>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={onSignOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
