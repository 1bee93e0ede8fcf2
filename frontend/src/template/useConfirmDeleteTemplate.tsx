import { useCallback } from 'react';
import { Alert, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { errorMessage } from '../lib/errors';
import { useDeleteChatTemplate } from './useDeleteChatTemplate';

interface DeletableTemplate {
  id: string;
  name: string;
  usedByWorkflows: ReadonlyArray<string>;
}

/** Asks first; a template still used by a workflow is refused by the server, which names the workflows. */
export function useConfirmDeleteTemplate() {
  const [, deleteChatTemplate] = useDeleteChatTemplate();
  return useCallback(
    (template: DeletableTemplate, onDeleted?: () => void) =>
      modals.openConfirmModal({
        title: <Text fw={600}>Delete “{template.name}”?</Text>,
        centered: true,
        children: (
          <Stack gap="sm">
            {template.usedByWorkflows.length > 0 ? (
              <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} p="sm">
                <Text size="sm">
                  It is used by {template.usedByWorkflows.map((n) => `“${n}”`).join(', ')}. Remove it from{' '}
                  {template.usedByWorkflows.length === 1 ? 'that workflow' : 'those workflows'} first, or it cannot be deleted.
                </Text>
              </Alert>
            ) : (
              <Text size="sm">It disappears from your templates. Messages already sent with it stay in the history.</Text>
            )}
          </Stack>
        ),
        labels: { confirm: 'Delete template', cancel: 'Cancel' },
        confirmProps: { color: 'red', leftSection: <IconTrash size={16} /> },
        onConfirm: async () => {
          const result = await deleteChatTemplate({ id: template.id });
          if (result.error) {
            notifications.show({ color: 'red', title: 'The template was not deleted', message: errorMessage(result.error), autoClose: 10_000 });
            return;
          }
          notifications.show({ color: 'teal', title: 'Template deleted', message: `“${template.name}” was deleted.` });
          onDeleted?.();
        },
      }),
    [deleteChatTemplate],
  );
}
