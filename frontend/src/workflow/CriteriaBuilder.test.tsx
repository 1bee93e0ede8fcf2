import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { CriteriaBuilder } from './CriteriaBuilder';
import { validateCriterion, type CriteriaFieldOption, type CriterionDraft, type CriterionErrors } from './criteria';

// Mantine's comboboxes and modals make these tests slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const STATUSES = ['New', 'Screening', 'Interview'];
const fields: CriteriaFieldOption[] = [
  { field: 'atsStatus', label: 'ATS status', operators: ['EQUALS', 'NOT_EQUALS', 'IN', 'EXISTS'], values: STATUSES },
  { field: 'emailDomain', label: 'Email domain', operators: ['EQUALS', 'NOT_EQUALS', 'IN', 'CONTAINS', 'EXISTS'], values: [] },
  { field: 'customFields.<name>', label: 'Custom field', operators: ['EQUALS', 'NOT_EQUALS', 'IN', 'CONTAINS', 'EXISTS'], values: [] },
];

let latest: CriterionDraft[] = [];

function Harness({ validate = false }: { validate?: boolean }) {
  const [criteria, setCriteria] = useState<CriterionDraft[]>([]);
  latest = criteria;
  const errors: Record<string, CriterionErrors> = {};
  if (validate) for (const c of criteria) errors[c.key] = validateCriterion(c, fields);
  return <CriteriaBuilder criteria={criteria} fields={fields} errors={errors} onChange={setCriteria} />;
}

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByRole('textbox', { name: label }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('CriteriaBuilder', () => {
  it('says "Run always" until a criterion is added', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    expect(screen.getByTestId('criteria-run-always')).toHaveTextContent('Run always');

    await user.click(screen.getByRole('button', { name: 'Add criterion' }));
    expect(screen.queryByTestId('criteria-run-always')).not.toBeInTheDocument();
    expect(screen.getByTestId('criterion-1')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove criterion 1' }));
    expect(screen.getByTestId('criteria-run-always')).toBeInTheDocument();
  });

  it("offers only the chosen field's operators, and the right value input for each", async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Add criterion' }));
    await choose(user, 'Field of criterion 1', 'ATS status');

    await user.click(screen.getByRole('textbox', { name: 'Comparison of criterion 1' }));
    const operators = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(operators).toEqual(['is', 'is not', 'is one of', 'has a value']);
    await user.click(screen.getByRole('option', { name: 'is' }));

    // Known values: a choice, not free text.
    await choose(user, 'Value of criterion 1', 'Screening');
    expect(latest[0]).toMatchObject({ field: 'atsStatus', operator: 'EQUALS', values: ['Screening'] });

    // IN: a tags input; EXISTS: no value at all.
    await choose(user, 'Comparison of criterion 1', 'is one of');
    const tags = screen.getByRole('textbox', { name: 'Values of criterion 1' });
    await user.type(tags, 'Interview{Enter}');
    expect(latest[0]!.values).toEqual(['Screening', 'Interview']);

    await choose(user, 'Comparison of criterion 1', 'has a value');
    expect(screen.queryByRole('textbox', { name: /Values? of criterion 1/ })).not.toBeInTheDocument();
    expect(screen.getByTestId('criterion-1-no-value')).toHaveTextContent('No value needed');
    expect(latest[0]).toMatchObject({ operator: 'EXISTS', values: [] });

    // Email domain allows "contains", with free text.
    await choose(user, 'Field of criterion 1', 'Email domain');
    await choose(user, 'Comparison of criterion 1', 'contains');
    await user.type(screen.getByRole('textbox', { name: 'Value of criterion 1' }), 'acme');
    expect(latest[0]).toMatchObject({ field: 'emailDomain', operator: 'CONTAINS', values: ['acme'] });
  });

  it('asks for a custom field name and shows value errors next to the row', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness validate />);
    await user.click(screen.getByRole('button', { name: 'Add criterion' }));
    await choose(user, 'Field of criterion 1', 'Custom field');
    const row = screen.getByTestId('criterion-1');
    expect(within(row).getByText(/Name the custom field/)).toBeInTheDocument();
    expect(within(row).getByText('Enter a value to compare with.')).toBeInTheDocument();

    await user.type(within(row).getByRole('textbox', { name: 'Custom field name of criterion 1' }), 'graduationYear');
    await user.type(within(row).getByRole('textbox', { name: 'Value of criterion 1' }), '2027');
    expect(within(row).queryByText(/Name the custom field/)).not.toBeInTheDocument();
    expect(within(row).queryByText('Enter a value to compare with.')).not.toBeInTheDocument();
    expect(latest[0]).toMatchObject({ field: 'customFields.<name>', customName: 'graduationYear', operator: 'EQUALS', values: ['2027'] });
  });
});
