/**
 * The trigger ingester: CTA completions and ATS status changes in (once per integrator eventId),
 * candidates created or updated, matching ACTIVE workflows started. Nothing imports this package.
 */
package io.recruitflow.trigger;
