package io.recruitflow.template;

/**
 * What the merge fields of a body are filled with for one message. A null value renders as empty
 * text, e.g. the job title when the trigger carried none.
 */
public record MergeValues(String candidateFirstName, String candidateLastName, String senderName,
		String senderFromName, String companyName, String campaignName, String ctaLabel, String jobTitle,
		String optOut) {

	public String candidateFullName() {
		String first = this.candidateFirstName == null ? "" : this.candidateFirstName.strip();
		String last = this.candidateLastName == null ? "" : this.candidateLastName.strip();
		return (first + " " + last).strip();
	}

}
