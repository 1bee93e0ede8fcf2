package io.recruitflow.dispatch;

/** What the trigger event knew, carried to every step of the run for merge fields. */
public record RunContext(String campaignName, String ctaLabel, String jobTitle) {
}
