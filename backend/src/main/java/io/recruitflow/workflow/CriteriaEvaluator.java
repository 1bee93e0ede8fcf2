package io.recruitflow.workflow;

import java.util.List;
import java.util.Locale;

import io.recruitflow.candidate.Candidate;

/**
 * Decides whether a candidate meets a workflow's criteria: all must hold, and none means "run
 * always". Text is compared ignoring case and surrounding spaces, as a recruiter reads it. A
 * missing value fails every operator except NOT_EQUALS (a candidate without a status is not
 * "Hired"). Pure, so the trigger ingester can call it for every event without I/O.
 */
public final class CriteriaEvaluator {

	private CriteriaEvaluator() {
	}

	public static boolean matches(List<Criterion> criteria, Candidate candidate) {
		if (criteria == null) {
			return true;
		}
		return criteria.stream().allMatch(criterion -> matches(criterion, candidate));
	}

	public static boolean matches(Criterion criterion, Candidate candidate) {
		if (CandidateField.of(criterion.field()).isEmpty() || criterion.operator() == null) {
			return false;
		}
		String actual = CandidateField.read(criterion.field(), candidate);
		List<String> expected = criterion.values()
			.stream()
			.map(value -> normalise(criterion.field(), value))
			.toList();
		String value = actual == null ? null : actual.toLowerCase(Locale.ROOT);
		return switch (criterion.operator()) {
			case EXISTS -> value != null;
			case EQUALS -> value != null && !expected.isEmpty() && value.equals(expected.getFirst());
			case NOT_EQUALS -> value == null || expected.isEmpty() || !value.equals(expected.getFirst());
			case IN -> value != null && expected.contains(value);
			case CONTAINS -> value != null && !expected.isEmpty() && value.contains(expected.getFirst());
		};
	}

	private static String normalise(String field, String value) {
		String normalised = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
		if (CandidateField.EMAIL_DOMAIN.field().equals(field) && normalised.startsWith("@")) {
			normalised = normalised.substring(1);
		}
		return normalised;
	}

}
