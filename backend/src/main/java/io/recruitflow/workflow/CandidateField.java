package io.recruitflow.workflow;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.recruitflow.candidate.Candidate;

import static io.recruitflow.workflow.CriterionOperator.CONTAINS;
import static io.recruitflow.workflow.CriterionOperator.EQUALS;
import static io.recruitflow.workflow.CriterionOperator.EXISTS;
import static io.recruitflow.workflow.CriterionOperator.IN;
import static io.recruitflow.workflow.CriterionOperator.NOT_EQUALS;

/** The candidate fields criteria can test, how each is read, and which operators each allows. */
public enum CandidateField {

	/** ATS statuses are a fixed list, so a substring test means nothing there. */
	ATS_STATUS("atsStatus", "ATS status", EnumSet.of(EQUALS, NOT_EQUALS, IN, EXISTS), Candidate::atsStatus),
	EMAIL_DOMAIN("emailDomain", "Email domain", EnumSet.allOf(CriterionOperator.class), CandidateField::emailDomain),
	EMAIL("email", "Email", EnumSet.allOf(CriterionOperator.class), Candidate::email),
	FIRST_NAME("firstName", "First name", EnumSet.allOf(CriterionOperator.class), Candidate::firstName),
	LAST_NAME("lastName", "Last name", EnumSet.allOf(CriterionOperator.class), Candidate::lastName),
	MOBILE("mobile", "Mobile", EnumSet.allOf(CriterionOperator.class), Candidate::mobile),
	CUSTOM_FIELD("customFields.<name>", "Custom field", EnumSet.allOf(CriterionOperator.class), candidate -> null);

	public static final String CUSTOM_FIELD_PREFIX = "customFields.";

	/** Custom field names become part of a stored path, so no dots or dollar signs. */
	private static final Pattern CUSTOM_FIELD_NAME = Pattern.compile("[^.$\\s][^.$]{0,63}");

	private final String field;

	private final String label;

	private final Set<CriterionOperator> operators;

	private final Function<Candidate, String> reader;

	CandidateField(String field, String label, Set<CriterionOperator> operators, Function<Candidate, String> reader) {
		this.field = field;
		this.label = label;
		this.operators = operators;
		this.reader = reader;
	}

	public String field() {
		return this.field;
	}

	public String label() {
		return this.label;
	}

	/** The operators this field allows, in declaration order. */
	public List<CriterionOperator> operators() {
		return Arrays.stream(CriterionOperator.values()).filter(this.operators::contains).toList();
	}

	public boolean allows(CriterionOperator operator) {
		return this.operators.contains(operator);
	}

	/** The field a criterion names: one of the fixed names, or customFields.<name>. */
	public static Optional<CandidateField> of(String field) {
		if (field == null) {
			return Optional.empty();
		}
		if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
			return CUSTOM_FIELD_NAME.matcher(field.substring(CUSTOM_FIELD_PREFIX.length())).matches()
					? Optional.of(CUSTOM_FIELD) : Optional.empty();
		}
		return Arrays.stream(values()).filter(f -> f != CUSTOM_FIELD && f.field.equals(field)).findFirst();
	}

	/** "atsStatus, emailDomain, …, customFields.<name>", for messages that list the choices. */
	public static String names() {
		return Arrays.stream(values()).map(CandidateField::field).collect(Collectors.joining(", "));
	}

	/** The candidate's value for a criterion's field, trimmed; null when absent or blank. */
	public static String read(String field, Candidate candidate) {
		String value;
		if (field != null && field.startsWith(CUSTOM_FIELD_PREFIX)) {
			Map<String, String> custom = candidate.customFields();
			value = custom == null ? null : custom.get(field.substring(CUSTOM_FIELD_PREFIX.length()));
		}
		else {
			value = of(field).map(f -> f.reader.apply(candidate)).orElse(null);
		}
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String emailDomain(Candidate candidate) {
		String email = candidate.email();
		int at = email == null ? -1 : email.lastIndexOf('@');
		return at < 0 ? null : email.substring(at + 1).toLowerCase(Locale.ROOT);
	}

}
