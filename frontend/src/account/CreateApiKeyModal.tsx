import { useState, type FormEvent } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput, Tooltip, ActionIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { errorMessage } from '../lib/errors';
import { API_KEY_NAME_MAX, validateApiKeyName } from './apiKeyName';
import { useCreateApiKey } from './useCreateApiKey';

interface Created {
  name: string;
  secret: string;
}

/**
 * Names a new key, then shows its secret exactly once. The secret only lives in this
 * component's state: closing the modal drops it for good.
 */
export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [{ fetching }, createApiKey] = useCreateApiKey();

  const close = () => {
    setName('');
    setFieldError(null);
    setServerError(null);
    setCreated(null);
    onClose();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = validateApiKeyName(name);
    setFieldError(problem);
    setServerError(null);
    if (problem) return;
    const result = await createApiKey({ input: { name: name.trim() } });
    if (result.error || !result.data) {
      setServerError(result.error ? errorMessage(result.error) : 'The key was not created. Please try again.');
      return;
    }
    setCreated({ name: name.trim(), secret: result.data.createApiKey.secret });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={600}>{created ? 'Copy your new API key' : 'New API key'}</Text>}
      size="lg"
      centered
      closeOnClickOutside={!created}
    >
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="This key will not be shown again">
            Copy it now and store it somewhere safe, such as your ATS's integration settings. If you lose it, revoke it and
            create a new one.
          </Alert>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {created.name}
            </Text>
            <Group gap="xs" wrap="nowrap" align="center">
              <Code
                block
                data-testid="api-key-secret"
                style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}
              >
                {created.secret}
              </Code>
              <CopyButton value={created.secret} timeout={2000}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy key'} withArrow>
                    <ActionIcon
                      variant={copied ? 'filled' : 'light'}
                      color={copied ? 'teal' : 'indigo'}
                      size="lg"
                      onClick={copy}
                      aria-label={copied ? 'Copied' : 'Copy key'}
                    >
                      {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              Send it as <Code>Authorization: Bearer &lt;key&gt;</Code> with each GraphQL request.
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button onClick={close}>I have copied the key</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              An API key lets an integration, such as your ATS or career site, send events to RecruitFlow on behalf of this
              account.
            </Text>
            {serverError && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
                {serverError}
              </Alert>
            )}
            <TextInput
              label="Name"
              description="What the key is for, so you can recognise it later."
              placeholder="Workday integration"
              data-autofocus
              required
              value={name}
              error={fieldError}
              onChange={(e) => {
                setName(e.currentTarget.value);
                if (fieldError) setFieldError(validateApiKeyName(e.currentTarget.value));
              }}
              rightSection={
                <Text size="xs" c={name.trim().length > API_KEY_NAME_MAX ? 'red' : 'dimmed'} pr={6}>
                  {name.trim().length}/{API_KEY_NAME_MAX}
                </Text>
              }
              rightSectionWidth={56}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={fetching}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
