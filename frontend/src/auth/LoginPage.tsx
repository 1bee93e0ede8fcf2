import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle, IconClockHour4 } from '@tabler/icons-react';
import { Logo } from '../components/Logo';
import { useAuth } from './AuthProvider';
import { LoginError, login } from './login';
import type { LoginLocationState } from './RequireAuth';

function safeReturnPath(state: unknown): string {
  const from = (state as LoginLocationState | null)?.from;
  // Only paths inside the app; never back to the sign-in page itself.
  if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) {
    return from;
  }
  return '/workflows';
}

export function LoginPage() {
  useDocumentTitle('Sign in · RecruitFlow');
  const { token, notice, signIn } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (token !== null && !submitting) {
    return <Navigate to={safeReturnPath(location.state)} replace />;
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    if (email.trim() === '' || password === '') {
      setError('Enter your email and password.');
      return;
    }
    setError(null);
    setSubmitting(true);
    try {
      const result = await login(email.trim(), password);
      signIn(result.token);
      navigate(safeReturnPath(location.state), { replace: true });
    } catch (e) {
      setError(e instanceof LoginError ? e.message : 'Sign-in failed. Please try again.');
      setSubmitting(false);
    }
  };

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={420}>
        <Stack align="center" gap={6} mb="lg">
          <Logo size={40} />
          <Title order={1} fz={26} ta="center">
            Sign in to RecruitFlow
          </Title>
          <Text c="dimmed" size="sm" ta="center">
            Automated candidate SMS for recruiters
          </Text>
        </Stack>

        <Paper withBorder shadow="sm" radius="md" p="xl">
          <form onSubmit={onSubmit} noValidate aria-label="Sign in">
            <Stack gap="md">
              {notice !== null && error === null && (
                <Alert color="blue" variant="light" icon={<IconClockHour4 size={18} />} data-testid="login-notice">
                  {notice}
                </Alert>
              )}
              {error !== null && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="login-error">
                  {error}
                </Alert>
              )}
              <TextInput
                label="Email"
                type="email"
                name="email"
                autoComplete="username"
                placeholder="you@company.com"
                autoFocus
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordInput
                label="Password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" fullWidth loading={submitting} mt="xs">
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>

      </Box>
    </Center>
  );
}
