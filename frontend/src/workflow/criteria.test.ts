import { describe, expect, it } from 'vitest';
import {
  changeField,
  changeOperator,
  criterionDraft,
  criterionFieldName,
  describeCriterion,
  validateCriterion,
  valueMode,
  type CriteriaFieldOption,
  type CriterionDraft,
} from './criteria';

const STATUSES = ['New', 'Screening', 'Interview'];
const fields: CriteriaFieldOption[] = [
  { field: 'atsStatus', label: 'ATS status', operators: ['EQUALS', 'NOT_EQUALS', 'IN', 'EXISTS'], values: STATUSES },
  { field: 'emailDomain', label: 'Email domain', operators: ['EQUALS', 'NOT_EQUALS', 'IN', 'CONTAINS', 'EXISTS'], values: [] },
  { field: 'customFields.<name>', label: 'Custom field', operators: ['EQUALS', 'NOT_EQUALS', 'IN', 'CONTAINS', 'EXISTS'], values: [] },
];
const atsStatus = fields[0]!;
const emailDomain = fields[1]!;

function draft(overrides: Partial<CriterionDraft>): CriterionDraft {
  return { key: 'k', field: 'emailDomain', customName: '', operator: 'EQUALS', values: ['example.com'], ...overrides };
}

describe('valueMode', () => {
  it('asks for no value with EXISTS, tags with IN, a choice of known values, else free text', () => {
    expect(valueMode('EXISTS', atsStatus)).toBe('none');
    expect(valueMode(null, atsStatus)).toBe('none');
    expect(valueMode('IN', atsStatus)).toBe('tags');
    expect(valueMode('IN', emailDomain)).toBe('tags');
    expect(valueMode('EQUALS', atsStatus)).toBe('select');
    expect(valueMode('NOT_EQUALS', atsStatus)).toBe('select');
    expect(valueMode('EQUALS', emailDomain)).toBe('text');
    expect(valueMode('CONTAINS', emailDomain)).toBe('text');
  });
});

describe('changing field or operator', () => {
  it('keeps an operator the new field allows and falls back to its first one otherwise', () => {
    expect(changeField(draft({ operator: 'IN', values: ['a.com'] }), 'atsStatus', fields)).toMatchObject({ operator: 'IN', values: [] });
    expect(changeField(draft({ operator: 'CONTAINS', values: ['acme'] }), 'atsStatus', fields)).toMatchObject({ operator: 'EQUALS', values: [] });
  });

  it('drops values EXISTS does not take and extra values single-value operators do not take', () => {
    expect(changeOperator(draft({ operator: 'IN', values: ['a.com', 'b.com'] }), 'EXISTS').values).toEqual([]);
    expect(changeOperator(draft({ operator: 'IN', values: ['a.com', 'b.com'] }), 'EQUALS').values).toEqual(['a.com']);
    expect(changeOperator(draft({ operator: 'EQUALS', values: ['a.com'] }), 'IN').values).toEqual(['a.com']);
  });
});

describe('validateCriterion', () => {
  it('accepts well-formed criteria', () => {
    expect(validateCriterion(draft({}), fields)).toEqual({});
    expect(validateCriterion(draft({ field: 'atsStatus', operator: 'IN', values: ['New', 'interview'] }), fields)).toEqual({});
    expect(validateCriterion(draft({ field: 'atsStatus', operator: 'EXISTS', values: [] }), fields)).toEqual({});
    expect(validateCriterion(draft({ field: 'customFields.<name>', customName: 'graduationYear', values: ['2027'] }), fields)).toEqual({});
  });

  it('mirrors the server rules for fields and operators', () => {
    expect(validateCriterion(draft({ field: '' }), fields).field).toBe('Choose a field.');
    expect(validateCriterion(draft({ operator: null }), fields).operator).toBe('Choose how to compare.');
    expect(validateCriterion(draft({ field: 'atsStatus', operator: 'CONTAINS', values: ['New'] }), fields).operator).toBe(
      'ATS status cannot use “contains”.',
    );
    expect(validateCriterion(draft({ field: 'customFields.<name>', customName: '' }), fields).field).toMatch(/Name the custom field/);
    expect(validateCriterion(draft({ field: 'customFields.<name>', customName: 'a.b' }), fields).field).toMatch(/no “\.” or “\$”/);
  });

  it('mirrors the server rules for values', () => {
    expect(validateCriterion(draft({ values: [] }), fields).values).toBe('Enter a value to compare with.');
    expect(validateCriterion(draft({ values: ['  '] }), fields).values).toBe('Enter a value to compare with.');
    expect(validateCriterion(draft({ operator: 'IN', values: [] }), fields).values).toMatch(/at least one value/);
    expect(validateCriterion(draft({ operator: 'IN', values: Array.from({ length: 51 }, (_, i) => `d${i}.com`) }), fields).values).toBe(
      'Use at most 50 values (now 51).',
    );
    expect(validateCriterion(draft({ values: ['x'.repeat(201)] }), fields).values).toMatch(/at most 200 characters; one has 201/);
    expect(validateCriterion(draft({ field: 'atsStatus', values: ['Hired'] }), fields).values).toBe('“Hired” is not one of: New, Screening, Interview.');
  });
});

describe('criterion names and descriptions', () => {
  it('stores custom fields as customFields.<name> and reads them back', () => {
    const row = criterionDraft({ field: 'customFields.graduationYear', operator: 'EQUALS', values: ['2027'] }, fields);
    expect(row).toMatchObject({ field: 'customFields.<name>', customName: 'graduationYear' });
    expect(criterionFieldName(row)).toBe('customFields.graduationYear');
  });

  it('reads as a sentence', () => {
    expect(describeCriterion({ field: 'atsStatus', operator: 'IN', values: ['New', 'Screening'] }, fields)).toBe('ATS status is one of New, Screening');
    expect(describeCriterion({ field: 'emailDomain', operator: 'EXISTS', values: [] }, fields)).toBe('Email domain has a value');
    expect(describeCriterion({ field: 'customFields.year', operator: 'NOT_EQUALS', values: ['2026'] }, fields)).toBe('Custom field “year” is not 2026');
  });
});
