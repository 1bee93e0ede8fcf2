import type { CriterionOperator } from '../gql/graphql';

/** What the builder needs to know about a field (from the criteriaFields query). */
export interface CriteriaFieldOption {
  field: string;
  label: string;
  operators: ReadonlyArray<CriterionOperator>;
  values: ReadonlyArray<string>;
}

/** A criterion row being edited. `customName` is used when field is the custom-field entry. */
export interface CriterionDraft {
  key: string;
  field: string;
  customName: string;
  operator: CriterionOperator | null;
  values: string[];
}

export interface CriterionErrors {
  field?: string;
  operator?: string;
  values?: string;
}

/** Same limits as the server (docs/decisions.md, Criteria). */
export const MAX_CRITERIA = 20;
export const MAX_VALUES = 50;
export const MAX_VALUE_LENGTH = 200;
export const CUSTOM_FIELD_PREFIX = 'customFields.';
const CUSTOM_FIELD_NAME = /^[^.$\s][^.$]{0,63}$/;

export const OPERATOR_LABELS: Record<CriterionOperator, string> = {
  EQUALS: 'is',
  NOT_EQUALS: 'is not',
  IN: 'is one of',
  CONTAINS: 'contains',
  EXISTS: 'has a value',
};

/** How the values of a criterion are entered. */
export type ValueMode = 'none' | 'tags' | 'select' | 'text';

export function valueMode(operator: CriterionOperator | null, field: CriteriaFieldOption | undefined): ValueMode {
  if (!operator || operator === 'EXISTS') return 'none';
  if (operator === 'IN') return 'tags';
  if (field && field.values.length > 0 && operator !== 'CONTAINS') return 'select';
  return 'text';
}

export function isCustomField(field: string): boolean {
  return field.startsWith(CUSTOM_FIELD_PREFIX);
}

let nextKey = 0;
export function newCriterionKey(): string {
  nextKey += 1;
  return `criterion-${nextKey}`;
}

export function emptyCriterion(): CriterionDraft {
  return { key: newCriterionKey(), field: '', customName: '', operator: null, values: [] };
}

/** A stored criterion as a row: customFields.grade becomes the custom-field entry named grade. */
export function criterionDraft(
  criterion: { field: string; operator: CriterionOperator; values: ReadonlyArray<string> },
  fields: ReadonlyArray<CriteriaFieldOption>,
): CriterionDraft {
  const custom = fields.find((f) => isCustomField(f.field));
  const isCustom = isCustomField(criterion.field) && !fields.some((f) => f.field === criterion.field);
  return {
    key: newCriterionKey(),
    field: isCustom && custom ? custom.field : criterion.field,
    customName: isCustom ? criterion.field.slice(CUSTOM_FIELD_PREFIX.length) : '',
    operator: criterion.operator,
    values: [...criterion.values],
  };
}

/** Choosing another field keeps the operator when the new field allows it, and drops values that no longer fit. */
export function changeField(draft: CriterionDraft, field: string, fields: ReadonlyArray<CriteriaFieldOption>): CriterionDraft {
  const option = fields.find((f) => f.field === field);
  const operator = draft.operator && option?.operators.includes(draft.operator) ? draft.operator : (option?.operators[0] ?? null);
  const values = option && option.values.length > 0 ? draft.values.filter((v) => option.values.includes(v)) : draft.values;
  return { ...draft, field, operator, values: fitValues(values, operator) };
}

/** Choosing another operator keeps what still makes sense: none for EXISTS, one for single-value operators. */
export function changeOperator(draft: CriterionDraft, operator: CriterionOperator | null): CriterionDraft {
  return { ...draft, operator, values: fitValues(draft.values, operator) };
}

function fitValues(values: string[], operator: CriterionOperator | null): string[] {
  if (operator === 'EXISTS') return [];
  if (operator === 'IN' || operator === null) return values;
  return values.slice(0, 1);
}

/** The field name the server stores: the custom-field entry becomes customFields.<name>. */
export function criterionFieldName(draft: CriterionDraft): string {
  return isCustomField(draft.field) ? `${CUSTOM_FIELD_PREFIX}${draft.customName.trim()}` : draft.field;
}

/** The server's rules for one criterion (WorkflowRules.criterion), checked before sending. */
export function validateCriterion(draft: CriterionDraft, fields: ReadonlyArray<CriteriaFieldOption>): CriterionErrors {
  const errors: CriterionErrors = {};
  const option = fields.find((f) => f.field === draft.field);
  if (!option) {
    errors.field = 'Choose a field.';
    return errors;
  }
  if (isCustomField(option.field)) {
    const name = draft.customName.trim();
    if (!name) errors.field = 'Name the custom field, e.g. “graduationYear”.';
    else if (!CUSTOM_FIELD_NAME.test(name)) errors.field = 'A custom field name has at most 64 characters and no “.” or “$”.';
  }
  if (!draft.operator) {
    errors.operator = 'Choose how to compare.';
    return errors;
  }
  if (!option.operators.includes(draft.operator)) {
    errors.operator = `${option.label} cannot use “${OPERATOR_LABELS[draft.operator]}”.`;
    return errors;
  }
  const values = draft.values.map((v) => v.trim());
  switch (draft.operator) {
    case 'EXISTS':
      if (values.length > 0) errors.values = '“has a value” takes no values.';
      break;
    case 'IN':
      if (values.length === 0) errors.values = 'Add at least one value (press Enter after each).';
      else if (values.length > MAX_VALUES) errors.values = `Use at most ${MAX_VALUES} values (now ${values.length}).`;
      break;
    default:
      if (values.length !== 1 || values[0] === '') errors.values = 'Enter a value to compare with.';
  }
  if (!errors.values) {
    const long = values.find((v) => v.length > MAX_VALUE_LENGTH);
    const empty = values.some((v) => v === '');
    const unknown = option.values.length > 0 ? values.filter((v) => !option.values.some((k) => k.toLowerCase() === v.toLowerCase())) : [];
    if (empty) errors.values = 'A value is empty; write what to compare with.';
    else if (long) errors.values = `A value may have at most ${MAX_VALUE_LENGTH} characters; one has ${long.length}.`;
    else if (unknown.length > 0)
      errors.values = `${unknown.map((v) => `“${v}”`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not one of: ${option.values.join(', ')}.`;
  }
  return errors;
}

/** "ATS status is one of Screening, Interview", for the workflow page. */
export function describeCriterion(
  criterion: { field: string; operator: CriterionOperator; values: ReadonlyArray<string> },
  fields: ReadonlyArray<{ field: string; label: string }>,
): string {
  const known = fields.find((f) => f.field === criterion.field);
  const label = known
    ? known.label
    : isCustomField(criterion.field)
      ? `Custom field “${criterion.field.slice(CUSTOM_FIELD_PREFIX.length)}”`
      : criterion.field;
  const op = OPERATOR_LABELS[criterion.operator];
  if (criterion.operator === 'EXISTS') return `${label} ${op}`;
  return `${label} ${op} ${criterion.values.join(', ')}`;
}
