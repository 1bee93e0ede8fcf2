import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, TagsInput, Text, TextInput, Tooltip } from '@mantine/core';
import { IconFilter, IconPlus, IconX } from '@tabler/icons-react';
import type { CriterionOperator } from '../gql/graphql';
import {
  changeField,
  changeOperator,
  emptyCriterion,
  isCustomField,
  MAX_CRITERIA,
  OPERATOR_LABELS,
  valueMode,
  type CriteriaFieldOption,
  type CriterionDraft,
  type CriterionErrors,
} from './criteria';

interface Props {
  criteria: CriterionDraft[];
  fields: ReadonlyArray<CriteriaFieldOption>;
  errors: Record<string, CriterionErrors>;
  onChange: (criteria: CriterionDraft[]) => void;
}

/** "Run always" when empty; otherwise every row must hold for a candidate to get the steps. */
export function CriteriaBuilder({ criteria, fields, errors, onChange }: Props) {
  const update = (key: string, change: (c: CriterionDraft) => CriterionDraft) =>
    onChange(criteria.map((c) => (c.key === key ? change(c) : c)));

  return (
    <Stack gap="sm">
      {criteria.length === 0 ? (
        <Group gap="xs" data-testid="criteria-run-always">
          <Badge variant="light" color="teal" leftSection={<IconFilter size={12} />}>
            Run always
          </Badge>
          <Text size="sm" c="dimmed">
            Every candidate who triggers the workflow gets its steps. Add a criterion to narrow it down.
          </Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Candidates get the steps only when <b>all</b> of these hold:
        </Text>
      )}
      {criteria.map((criterion, index) => (
        <CriterionRow
          key={criterion.key}
          number={index + 1}
          criterion={criterion}
          fields={fields}
          errors={errors[criterion.key] ?? {}}
          onChange={(change) => update(criterion.key, change)}
          onRemove={() => onChange(criteria.filter((c) => c.key !== criterion.key))}
        />
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...criteria, emptyCriterion()])}
          disabled={criteria.length >= MAX_CRITERIA}
        >
          Add criterion
        </Button>
      </Group>
    </Stack>
  );
}

function CriterionRow({
  number,
  criterion,
  fields,
  errors,
  onChange,
  onRemove,
}: {
  number: number;
  criterion: CriterionDraft;
  fields: ReadonlyArray<CriteriaFieldOption>;
  errors: CriterionErrors;
  onChange: (change: (c: CriterionDraft) => CriterionDraft) => void;
  onRemove: () => void;
}) {
  const option = fields.find((f) => f.field === criterion.field);
  const mode = valueMode(criterion.operator, option);
  const operators = option?.operators ?? [];

  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" data-testid={`criterion-${number}`}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Select
          aria-label={`Field of criterion ${number}`}
          placeholder="Field"
          data={fields.map((f) => ({ value: f.field, label: f.label }))}
          value={criterion.field || null}
          onChange={(value) => onChange((c) => changeField(c, value ?? '', fields))}
          error={errors.field && !isCustomField(criterion.field) ? errors.field : undefined}
          allowDeselect={false}
          w={170}
        />
        {option && isCustomField(option.field) && (
          <TextInput
            aria-label={`Custom field name of criterion ${number}`}
            placeholder="Custom field name"
            value={criterion.customName}
            onChange={(e) => {
              const value = e.currentTarget.value;
              onChange((c) => ({ ...c, customName: value }));
            }}
            error={errors.field}
            w={180}
          />
        )}
        <Select
          aria-label={`Comparison of criterion ${number}`}
          placeholder="Comparison"
          data={operators.map((op) => ({ value: op, label: OPERATOR_LABELS[op] }))}
          value={criterion.operator}
          onChange={(value) => onChange((c) => changeOperator(c, value as CriterionOperator | null))}
          error={errors.operator}
          disabled={!option}
          allowDeselect={false}
          w={150}
        />
        <div style={{ flex: '1 1 220px', minWidth: 200 }}>
          {mode === 'tags' && (
            <TagsInput
              aria-label={`Values of criterion ${number}`}
              placeholder={criterion.values.length === 0 ? 'Type a value, press Enter' : undefined}
              data={option?.values ?? []}
              value={criterion.values}
              onChange={(values) => onChange((c) => ({ ...c, values }))}
              error={errors.values}
              clearable
            />
          )}
          {mode === 'select' && (
            <Select
              aria-label={`Value of criterion ${number}`}
              placeholder="Value"
              data={option?.values ?? []}
              value={criterion.values[0] ?? null}
              onChange={(value) => onChange((c) => ({ ...c, values: value ? [value] : [] }))}
              error={errors.values}
              searchable
            />
          )}
          {mode === 'text' && (
            <TextInput
              aria-label={`Value of criterion ${number}`}
              placeholder={criterion.field === 'emailDomain' ? 'example.com' : 'Value'}
              value={criterion.values[0] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                onChange((c) => ({ ...c, values: [value] }));
              }}
              error={errors.values}
            />
          )}
          {mode === 'none' && criterion.operator === 'EXISTS' && (
            <Text size="sm" c="dimmed" pt={6} data-testid={`criterion-${number}-no-value`}>
              No value needed
            </Text>
          )}
        </div>
        <Tooltip label="Remove criterion" withArrow>
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={onRemove} aria-label={`Remove criterion ${number}`}>
            <IconX size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Paper>
  );
}
