import type { CriterionOperator, TriggerType, WorkflowInput } from '../gql/graphql';
import {
  criterionDraft,
  criterionFieldName,
  MAX_CRITERIA,
  validateCriterion,
  type CriteriaFieldOption,
  type CriterionDraft,
  type CriterionErrors,
} from './criteria';
import { splitMinutes, toMinutes, type DurationDraft } from './duration';

/** Same limits as the server (WorkflowRules). */
export const MAX_NAME_LENGTH = 100;
export const MAX_REENTRY_MINUTES = 525_600;

export interface CampaignOption {
  id: string;
  name: string;
  ctas: ReadonlyArray<{ id: string; label: string }>;
}

export interface WorkflowDraft {
  name: string;
  triggerType: TriggerType;
  ctaId: string | null;
  /** Which group of the CTA select the CTA was picked in (a CTA can be on several campaigns). */
  ctaCampaignId: string | null;
  webCampaignId: string | null;
  toStatus: string | null;
  fromStatus: string | null;
  criteria: CriterionDraft[];
  reentry: DurationDraft;
}

export interface WorkflowErrors {
  name?: string;
  cta?: string;
  webCampaign?: string;
  toStatus?: string;
  fromStatus?: string;
  criteria?: string;
  criterion: Record<string, CriterionErrors>;
  reentry?: string;
}

export function emptyDraft(): WorkflowDraft {
  return {
    name: '',
    triggerType: 'CTA_COMPLETED',
    ctaId: null,
    ctaCampaignId: null,
    webCampaignId: null,
    toStatus: null,
    fromStatus: null,
    criteria: [],
    reentry: { amount: 0, unit: 'days' },
  };
}

interface StoredWorkflow {
  name: string;
  trigger: {
    type: TriggerType;
    cta?: { id: string } | null;
    webCampaign?: { id: string } | null;
    toStatus?: string | null;
    fromStatus?: string | null;
  };
  criteria: ReadonlyArray<{ field: string; operator: CriterionOperator; values: ReadonlyArray<string> }>;
  reentryMinimumMinutes: number;
}

export function draftFromWorkflow(
  workflow: StoredWorkflow,
  campaigns: ReadonlyArray<CampaignOption>,
  fields: ReadonlyArray<CriteriaFieldOption>,
): WorkflowDraft {
  const { trigger } = workflow;
  const ctaId = trigger.cta?.id ?? null;
  const webCampaignId = trigger.webCampaign?.id ?? null;
  return {
    name: workflow.name,
    triggerType: trigger.type,
    ctaId,
    ctaCampaignId: ctaId ? (webCampaignId ?? campaignsWithCta(campaigns, ctaId)[0]?.id ?? null) : null,
    webCampaignId,
    toStatus: trigger.toStatus ?? null,
    fromStatus: trigger.fromStatus ?? null,
    criteria: workflow.criteria.map((c) => criterionDraft(c, fields)),
    reentry: splitMinutes(workflow.reentryMinimumMinutes),
  };
}

/** The campaigns a CTA can be completed on. */
export function campaignsWithCta(campaigns: ReadonlyArray<CampaignOption>, ctaId: string): CampaignOption[] {
  return campaigns.filter((c) => c.ctas.some((cta) => cta.id === ctaId));
}

/** The server's rules (WorkflowRules), checked first so the recruiter hears them at once. */
export function validateDraft(
  draft: WorkflowDraft,
  options: { campaigns: ReadonlyArray<CampaignOption>; atsStatuses: ReadonlyArray<string>; fields: ReadonlyArray<CriteriaFieldOption> },
): WorkflowErrors {
  const errors: WorkflowErrors = { criterion: {} };
  const name = draft.name.trim();
  if (!name) errors.name = 'Give the workflow a name, e.g. “Register interest follow-up”.';
  else if (name.length > MAX_NAME_LENGTH) errors.name = `Use at most ${MAX_NAME_LENGTH} characters (now ${name.length}).`;

  if (draft.triggerType === 'CTA_COMPLETED') {
    if (!draft.ctaId) errors.cta = 'Choose the CTA whose completion starts this workflow.';
    else if (campaignsWithCta(options.campaigns, draft.ctaId).length === 0) errors.cta = 'This CTA no longer exists; choose another.';
    else if (draft.webCampaignId && !campaignsWithCta(options.campaigns, draft.ctaId).some((c) => c.id === draft.webCampaignId)) {
      errors.webCampaign = 'The CTA is not part of this web campaign; choose one of its campaigns or any campaign.';
    }
  } else {
    if (!draft.toStatus) errors.toStatus = 'Choose the status that starts this workflow.';
    else if (!options.atsStatuses.includes(draft.toStatus)) errors.toStatus = `“${draft.toStatus}” is not one of your ATS statuses.`;
    if (draft.fromStatus && draft.fromStatus === draft.toStatus) errors.fromStatus = 'The from status must differ from the to status.';
    else if (draft.fromStatus && !options.atsStatuses.includes(draft.fromStatus))
      errors.fromStatus = `“${draft.fromStatus}” is not one of your ATS statuses.`;
  }

  if (draft.criteria.length > MAX_CRITERIA) errors.criteria = `Use at most ${MAX_CRITERIA} criteria (now ${draft.criteria.length}).`;
  for (const criterion of draft.criteria) {
    const e = validateCriterion(criterion, options.fields);
    if (e.field || e.operator || e.values) errors.criterion[criterion.key] = e;
  }

  const minutes = toMinutes(draft.reentry);
  if (minutes === null || minutes < 0) errors.reentry = 'Enter a whole number, or 0 for no minimum.';
  else if (minutes > MAX_REENTRY_MINUTES) errors.reentry = 'The minimum delay can be at most a year (365 days).';
  return errors;
}

export function hasErrors(errors: WorkflowErrors): boolean {
  const { criterion, ...rest } = errors;
  return Object.values(rest).some(Boolean) || Object.keys(criterion).length > 0;
}

/** The mutation input for a valid draft: only the trigger fields of the chosen type. */
export function toInput(draft: WorkflowDraft, expectedVersion?: number): WorkflowInput {
  const trigger =
    draft.triggerType === 'CTA_COMPLETED'
      ? { type: draft.triggerType, ctaId: draft.ctaId, webCampaignId: draft.webCampaignId }
      : { type: draft.triggerType, toStatus: draft.toStatus, fromStatus: draft.fromStatus };
  const input: WorkflowInput = {
    name: draft.name.trim(),
    trigger,
    criteria: draft.criteria.map((c) => ({
      field: criterionFieldName(c),
      operator: c.operator as CriterionOperator,
      values: c.values.map((v) => v.trim()),
    })),
    reentryMinimumMinutes: toMinutes(draft.reentry) ?? 0,
  };
  if (expectedVersion !== undefined) input.expectedVersion = expectedVersion;
  return input;
}
