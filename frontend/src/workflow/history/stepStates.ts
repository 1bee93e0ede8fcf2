import type { StepState, WorkflowStepKind } from '../../gql/graphql';
import { formatDateTime } from '../../lib/format';

/** The states a recruiter can filter runs by, in the order a step moves through them. */
export const FILTERABLE_STATES: ReadonlyArray<{ value: StepState; label: string }> = [
  { value: 'PENDING', label: 'Pending' },
  { value: 'HELD', label: 'Held (paused)' },
  { value: 'SENDING', label: 'Sending' },
  { value: 'SENT', label: 'Sent' },
  { value: 'SKIPPED', label: 'Skipped' },
  { value: 'FAILED', label: 'Failed' },
  { value: 'DEAD', label: 'Dead' },
  { value: 'UNCONFIRMED', label: 'Unconfirmed' },
];

const LABELS: Record<StepState, string> = {
  PENDING: 'Pending',
  CLAIMED: 'In progress',
  HELD: 'Held',
  SENDING: 'Sending',
  SENT: 'Sent',
  SKIPPED: 'Skipped',
  FAILED: 'Failed',
  DEAD: 'Dead',
  UNCONFIRMED: 'Unconfirmed',
};

const COLOURS: Record<StepState, string> = {
  PENDING: 'gray',
  CLAIMED: 'blue',
  HELD: 'yellow',
  SENDING: 'blue',
  SENT: 'teal',
  SKIPPED: 'gray',
  FAILED: 'red',
  DEAD: 'red',
  UNCONFIRMED: 'orange',
};

export function isStepState(value: string | null | undefined): value is StepState {
  return value != null && Object.prototype.hasOwnProperty.call(LABELS, value);
}

/** The badge word for a step: a finished Wait step "waited" rather than "sent". */
export function stepStateLabel(state: StepState, kind?: WorkflowStepKind): string {
  if (kind === 'WAIT' && state === 'SENT') return 'Waited';
  if (kind === 'WAIT' && state === 'PENDING') return 'Waiting';
  return LABELS[state];
}

export function stepStateColour(state: StepState): string {
  return COLOURS[state];
}

/** Dead is worse than failed: the badge is filled rather than light. */
export function stepStateVariant(state: StepState): 'filled' | 'light' {
  return state === 'DEAD' ? 'filled' : 'light';
}

export function stepKindLabel(kind: WorkflowStepKind): string {
  return kind === 'CHAT_MESSAGE' ? 'Chat Message' : 'Wait';
}

export interface ExplainableStep {
  kind: WorkflowStepKind;
  state: StepState;
  reason?: string | null;
  dueAt: string;
  attempts: number;
}

/** The engine writes "held: the workflow is paused; …" — the state word is already on the badge. */
function cleanReason(reason: string, state: StepState): string {
  const trimmed = reason.trim();
  const prefix = `${LABELS[state].toLowerCase()}:`;
  return trimmed.toLowerCase().startsWith(prefix) ? trimmed.slice(prefix.length).trim() : trimmed;
}

/**
 * One line telling a recruiter what happened to a step, or exactly why not, e.g.
 * "Skipped — opted out of SMS (texted STOP on 1 Nov 2026)" or "Held — the workflow is paused".
 */
export function explainStep(step: ExplainableStep, format: (iso: string) => string = formatDateTime): string {
  const label = stepStateLabel(step.state, step.kind);
  if (step.reason && step.reason.trim() !== '') {
    const reason = cleanReason(step.reason, step.state);
    if (step.state === 'PENDING' && step.kind === 'CHAT_MESSAGE' && step.attempts > 0) {
      return `Pending — ${reason} (attempt ${step.attempts + 1} at ${format(step.dueAt)})`;
    }
    return `${label} — ${reason}`;
  }
  switch (step.state) {
    case 'PENDING':
      return step.kind === 'WAIT' ? `Waiting until ${format(step.dueAt)}` : `Pending — due ${format(step.dueAt)}`;
    case 'CLAIMED':
      return 'In progress — being worked on now';
    case 'HELD':
      return 'Held — the workflow is paused; it runs when the workflow is started again';
    case 'SENDING':
      return 'Sending — MessageBird is being called';
    case 'SENT':
      return step.kind === 'WAIT' ? 'Waited — the next step has started' : 'Sent';
    case 'SKIPPED':
      return 'Skipped';
    case 'FAILED':
      return 'Failed';
    case 'DEAD':
      return 'Dead — every attempt failed; the credits were refunded';
    case 'UNCONFIRMED':
      return 'Unconfirmed — the app stopped while sending and MessageBird could not confirm whether the SMS went out';
  }
}
