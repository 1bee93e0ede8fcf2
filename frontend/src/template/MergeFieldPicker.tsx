import { Button, Code, Menu, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBraces, IconChevronDown } from '@tabler/icons-react';

export interface MergeFieldOption {
  token: string;
  description: string;
  example: string;
}

/** A menu of the merge fields; picking one inserts its token where the cursor is. */
export function MergeFieldPicker({ fields, onPick, disabled }: { fields: ReadonlyArray<MergeFieldOption>; onPick: (token: string) => void; disabled?: boolean }) {
  return (
    <Menu position="bottom-end" shadow="md" width={360} returnFocus={false}>
      <Menu.Target>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconBraces size={14} />}
          rightSection={<IconChevronDown size={14} />}
          disabled={disabled || fields.length === 0}
        >
          Insert merge field
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <ScrollArea.Autosize mah={360} type="auto">
          {fields.map((field) => (
            <Menu.Item key={field.token} onClick={() => onPick(field.token)} aria-label={field.token}>
              <Stack gap={0}>
                <Code fz="xs" bg="transparent" p={0}>
                  {field.token}
                </Code>
                <Text size="xs" c="dimmed">
                  {field.description}
                  {field.example ? ` — e.g. “${field.example}”` : ''}
                </Text>
              </Stack>
            </Menu.Item>
          ))}
        </ScrollArea.Autosize>
      </Menu.Dropdown>
    </Menu>
  );
}
