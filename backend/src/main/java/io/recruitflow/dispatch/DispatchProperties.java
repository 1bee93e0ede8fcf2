package io.recruitflow.dispatch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param workers steps processed at once by this instance: mostly waiting (on the provider, whose calls
 * take a few hundred milliseconds in production, and on the database), so many more than cores
 * @param pollInterval how often an idle instance looks for due work it was not woken for (WAIT
 * steps coming due, other instances' enqueues, expired leases): one worker looks, not each
 * @param lease how long a claim holds before another worker may take the step over; longer than
 * any provider call (connect + read timeout)
 * @param maxAttempts provider attempts before a step is DEAD
 * @param backoffBase first retry delay; doubled each attempt, with full jitter
 * @param backoffMax longest retry delay
 * @param reconcileDelay how long after a crash to wait before asking the provider whether a send
 * arrived (its message list is not instant)
 * @param maxReconcileAttempts lookups before a step whose fate the provider cannot tell is held as
 * UNCONFIRMED
 */
@ConfigurationProperties("recruitflow.dispatch")
public record DispatchProperties(@DefaultValue("32") int workers, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("60s") Duration lease, @DefaultValue("6") int maxAttempts,
		@DefaultValue("2s") Duration backoffBase, @DefaultValue("5m") Duration backoffMax,
		@DefaultValue("5s") Duration reconcileDelay, @DefaultValue("5") int maxReconcileAttempts,
		@DefaultValue("true") boolean enabled) {
}
