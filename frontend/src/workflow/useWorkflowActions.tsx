import { useCallback } from 'react';
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { errorMessage } from '../lib/errors';
import { useCopyWorkflow } from './useCopyWorkflow';
import { useDeleteWorkflow } from './useDeleteWorkflow';

interface NamedWorkflow {
  id: string;
  name: string;
}

/** Copy and Delete (after confirmation), shared by the list's row menu and the workflow page. */
export function useWorkflowActions() {
  const [, copyWorkflow] = useCopyWorkflow();
  const [, deleteWorkflow] = useDeleteWorkflow();

  const copy = useCallback(
    async (workflow: NamedWorkflow) => {
      const result = await copyWorkflow({ id: workflow.id });
      if (result.error || !result.data) {
        notifications.show({ color: 'red', title: 'The workflow was not copied', message: errorMessage(result.error) });
        return null;
      }
      notifications.show({
        color: 'teal',
        title: 'Workflow copied',
        message: `“${result.data.copyWorkflow.name}” is paused, so it won't run alongside the original.`,
      });
      return result.data.copyWorkflow;
    },
    [copyWorkflow],
  );

  const confirmDelete = useCallback(
    (workflow: NamedWorkflow, onDeleted?: () => void) =>
      modals.openConfirmModal({
        title: <Text fw={600}>Delete “{workflow.name}”?</Text>,
        centered: true,
        children: (
          <Text size="sm">
            It stops at once: no new runs start and steps still waiting are not sent. Its history is kept, so you can still
            see what it sent.
          </Text>
        ),
        labels: { confirm: 'Delete workflow', cancel: 'Cancel' },
        confirmProps: { color: 'red', leftSection: <IconTrash size={16} /> },
        onConfirm: async () => {
          const result = await deleteWorkflow({ id: workflow.id });
          if (result.error) {
            notifications.show({ color: 'red', title: 'The workflow was not deleted', message: errorMessage(result.error) });
            return;
          }
          notifications.show({ color: 'teal', title: 'Workflow deleted', message: `“${workflow.name}” was deleted; its history is kept.` });
          onDeleted?.();
        },
      }),
    [deleteWorkflow],
  );

  return { copy, confirmDelete };
}
