package io.recruitflow.template;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** The merge fields a chat template body may use, written {{name}} (spaces inside the braces allowed). */
public enum MergeField {

	CANDIDATE_FIRST_NAME("candidate.firstName", "The candidate's first name", MergeValues::candidateFirstName),
	CANDIDATE_LAST_NAME("candidate.lastName", "The candidate's last name", MergeValues::candidateLastName),
	CANDIDATE_FULL_NAME("candidate.fullName", "The candidate's first and last name", MergeValues::candidateFullName),
	SENDER_NAME("sender.name", "The name of the user the message is sent as", MergeValues::senderName),
	SENDER_FROM_NAME("sender.fromName",
			"The From name the candidate sees: the sender's name with their own number, else the company name",
			MergeValues::senderFromName),
	COMPANY_NAME("company.name", "Your company name", MergeValues::companyName),
	CAMPAIGN_NAME("campaign.name", "The web campaign the candidate completed a CTA on", MergeValues::campaignName),
	CTA_LABEL("cta.label", "The CTA the candidate completed, e.g. Register interest", MergeValues::ctaLabel),
	JOB_TITLE("job.title", "The job title, when the trigger carries one; empty otherwise", MergeValues::jobTitle),
	OPT_OUT("optOut", "Your account's opt-out sentence, e.g. Reply STOP to opt out.", MergeValues::optOut);

	private final String name;

	private final String description;

	private final Function<MergeValues, String> value;

	MergeField(String name, String description, Function<MergeValues, String> value) {
		this.name = name;
		this.description = description;
		this.value = value;
	}

	/** The name inside the braces, e.g. candidate.firstName. */
	public String fieldName() {
		return this.name;
	}

	/** What to write in a body, e.g. {{candidate.firstName}}. */
	public String token() {
		return "{{" + this.name + "}}";
	}

	public String description() {
		return this.description;
	}

	public String valueFrom(MergeValues values) {
		String value = this.value.apply(values);
		return value == null ? "" : value;
	}

	public static Optional<MergeField> named(String name) {
		return Arrays.stream(values()).filter(field -> field.name.equals(name)).findFirst();
	}

}
