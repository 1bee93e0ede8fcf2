package io.recruitflow.workflow;

import java.util.List;

/**
 * One condition on a candidate, e.g. {@code atsStatus IN [New, Screening]}. {@code field} is one
 * of {@link CandidateField}'s names; {@code values} is never null.
 */
public record Criterion(String field, CriterionOperator operator, List<String> values) {

	public Criterion {
		values = values == null ? List.of() : List.copyOf(values);
	}

}
