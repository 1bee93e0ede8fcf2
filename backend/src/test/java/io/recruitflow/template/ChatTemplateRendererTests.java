package io.recruitflow.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatTemplateRendererTests {

	private static final MergeValues VALUES = new MergeValues("Olivia", "Nguyen", "Jane Doe", "Jane Doe",
			"Acme Talent", "Graduate Program 2027", "Register interest", null, "Reply STOP to opt out.");

	@Test
	void fillsEveryMergeField() {
		String body = "{{candidate.firstName}}|{{candidate.lastName}}|{{candidate.fullName}}|{{sender.name}}|"
				+ "{{sender.fromName}}|{{company.name}}|{{campaign.name}}|{{cta.label}}|{{job.title}}|{{optOut}}";

		assertThat(ChatTemplateRenderer.render(body, VALUES)).isEqualTo("Olivia|Nguyen|Olivia Nguyen|Jane Doe|"
				+ "Jane Doe|Acme Talent|Graduate Program 2027|Register interest||Reply STOP to opt out.");
		assertThat(ChatTemplateRenderer.unknownMergeFields(body)).isEmpty();
	}

	@Test
	void toleratesSpacesInsideTheBraces() {
		assertThat(ChatTemplateRenderer.render("Hi {{ candidate.firstName }}, {{company.name }}!", VALUES))
			.isEqualTo("Hi Olivia, Acme Talent!");
		assertThat(ChatTemplateRenderer.unknownMergeFields("Hi {{ candidate.firstName }}")).isEmpty();
	}

	@Test
	void unknownFieldsAreReportedOnceEachAndLeftAsWritten() {
		String body = "Hi {{candidate.age}} {{ Candidate.FirstName }} {{candidate.age}} {{}}";

		assertThat(ChatTemplateRenderer.unknownMergeFields(body)).containsExactly("{{candidate.age}}",
				"{{Candidate.FirstName}}", "{{}}");
		assertThat(ChatTemplateRenderer.render(body, VALUES)).isEqualTo(body);
	}

	@Test
	void missingValuesRenderEmptyAndTheFullNameHasNoStraySpace() {
		MergeValues onlyFirstName = new MergeValues("Alex", null, null, null, null, null, null, null, null);

		assertThat(ChatTemplateRenderer.render("[{{candidate.fullName}}][{{job.title}}][{{sender.name}}]", onlyFirstName))
			.isEqualTo("[Alex][][]");
	}

	@Test
	void valuesAreInsertedLiterally() {
		MergeValues odd = new MergeValues("$1 \\n {{candidate.lastName}}", "X", null, null, null, null, null, null, null);

		assertThat(ChatTemplateRenderer.render("Hi {{candidate.firstName}}", odd))
			.isEqualTo("Hi $1 \\n {{candidate.lastName}}");
	}

	@Test
	void textThatOnlyLooksLikeAMergeFieldIsLeftAlone() {
		String body = "Use {single} braces or {{candidate.firstName} unclosed";

		assertThat(ChatTemplateRenderer.unknownMergeFields(body)).isEmpty();
		assertThat(ChatTemplateRenderer.render(body, VALUES)).isEqualTo(body);
	}

}
