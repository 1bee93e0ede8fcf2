/**
 * Workflows: what triggers them (a CTA completion or an ATS status change), the criteria a
 * candidate must meet, the minimum delay between two runs for one candidate, the ordered steps
 * (Chat Message, Wait), and pause/resume. Edits are guarded by a version so a stale edit never
 * overwrites a newer one; deletes are soft so run history keeps its workflow. The trigger ingester
 * reads workflows and {@link io.recruitflow.workflow.CriteriaEvaluator}; it does not write here.
 */
package io.recruitflow.workflow;
