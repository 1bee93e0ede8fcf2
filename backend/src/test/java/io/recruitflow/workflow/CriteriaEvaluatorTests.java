package io.recruitflow.workflow;

import java.util.List;
import java.util.Map;

import io.recruitflow.candidate.Candidate;
import org.junit.jupiter.api.Test;

import static io.recruitflow.workflow.CriterionOperator.CONTAINS;
import static io.recruitflow.workflow.CriterionOperator.EQUALS;
import static io.recruitflow.workflow.CriterionOperator.EXISTS;
import static io.recruitflow.workflow.CriterionOperator.IN;
import static io.recruitflow.workflow.CriterionOperator.NOT_EQUALS;
import static org.assertj.core.api.Assertions.assertThat;

class CriteriaEvaluatorTests {

	private static final Candidate OLIVIA = candidate("Olivia", "olivia.nguyen@Example.COM", "Screening",
			Map.of("location", "Sydney", "graduationYear", "2026"));

	private static final Candidate NOBODY = candidate(null, null, null, null);

	@Test
	void noCriteriaMeansRunAlways() {
		assertThat(CriteriaEvaluator.matches(List.of(), OLIVIA)).isTrue();
		assertThat(CriteriaEvaluator.matches((List<Criterion>) null, NOBODY)).isTrue();
	}

	@Test
	void equalsAndNotEqualsIgnoreCaseAndSpaces() {
		assertThat(matches("atsStatus", EQUALS, " screening ")).isTrue();
		assertThat(matches("atsStatus", EQUALS, "Interview")).isFalse();
		assertThat(matches("atsStatus", NOT_EQUALS, "Interview")).isTrue();
		assertThat(matches("atsStatus", NOT_EQUALS, "SCREENING")).isFalse();
	}

	@Test
	void aMissingValueFailsEverythingButNotEquals() {
		for (CriterionOperator operator : List.of(EQUALS, IN, CONTAINS)) {
			assertThat(CriteriaEvaluator.matches(new Criterion("atsStatus", operator, List.of("New")), NOBODY))
				.as(operator.name())
				.isFalse();
		}
		assertThat(CriteriaEvaluator.matches(new Criterion("atsStatus", EXISTS, List.of()), NOBODY)).isFalse();
		assertThat(CriteriaEvaluator.matches(new Criterion("atsStatus", NOT_EQUALS, List.of("Hired")), NOBODY))
			.isTrue();
	}

	@Test
	void inMatchesAnyOfItsValues() {
		assertThat(matches("atsStatus", IN, "New", "Screening")).isTrue();
		assertThat(matches("atsStatus", IN, "Offer", "Hired")).isFalse();
	}

	@Test
	void theEmailDomainIsReadFromTheEmail() {
		assertThat(matches("emailDomain", EQUALS, "example.com")).isTrue();
		assertThat(matches("emailDomain", EQUALS, "@EXAMPLE.com")).isTrue();
		assertThat(matches("emailDomain", IN, "example.org", "example.com")).isTrue();
		assertThat(matches("emailDomain", EQUALS, "example.org")).isFalse();
		assertThat(matches("email", CONTAINS, "nguyen@")).isTrue();
	}

	@Test
	void customFieldsAreReadByName() {
		assertThat(matches("customFields.location", EQUALS, "sydney")).isTrue();
		assertThat(matches("customFields.graduationYear", IN, "2025", "2026")).isTrue();
		assertThat(matches("customFields.location", CONTAINS, "syd")).isTrue();
		assertThat(matches("customFields.visa", EXISTS)).isFalse();
		assertThat(matches("customFields.location", EXISTS)).isTrue();
	}

	@Test
	void everyCriterionMustHold() {
		List<Criterion> both = List.of(new Criterion("atsStatus", EQUALS, List.of("Screening")),
				new Criterion("customFields.location", EQUALS, List.of("Melbourne")));

		assertThat(CriteriaEvaluator.matches(both, OLIVIA)).isFalse();
		assertThat(CriteriaEvaluator.matches(both.subList(0, 1), OLIVIA)).isTrue();
	}

	@Test
	void anUnknownFieldNeverMatches() {
		assertThat(matches("age", EXISTS)).isFalse();
		assertThat(matches("age", NOT_EQUALS, "30")).isFalse();
	}

	private static boolean matches(String field, CriterionOperator operator, String... values) {
		return CriteriaEvaluator.matches(new Criterion(field, operator, List.of(values)), OLIVIA);
	}

	private static Candidate candidate(String firstName, String email, String status, Map<String, String> custom) {
		return new Candidate("c1", "a1", "ATS-1", firstName, "Nguyen", email, "+61412345678", null, status, custom,
				null, false, null, null, null, null);
	}

}
