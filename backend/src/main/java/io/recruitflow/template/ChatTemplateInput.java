package io.recruitflow.template;

/** A template as a recruiter writes it; {@code expectedVersion} guards updates against stale edits. */
public record ChatTemplateInput(String name, String body, Integer expectedVersion) {
}
