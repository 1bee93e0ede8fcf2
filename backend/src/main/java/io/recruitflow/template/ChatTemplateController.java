package io.recruitflow.template;

import java.util.List;
import java.util.Map;

import io.recruitflow.platform.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class ChatTemplateController {

	private final ChatTemplateService templates;

	ChatTemplateController(ChatTemplateService templates) {
		this.templates = templates;
	}

	@QueryMapping
	List<ChatTemplate> chatTemplates(@AuthenticationPrincipal Caller caller) {
		return this.templates.templates(caller);
	}

	@QueryMapping
	ChatTemplate chatTemplate(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.templates.template(caller, id);
	}

	@QueryMapping
	List<MergeFieldView> chatMergeFields(@AuthenticationPrincipal Caller caller) {
		return this.templates.mergeFields(caller);
	}

	@QueryMapping
	MessagePreview previewChatMessage(@Argument String templateId, @Argument String body,
			@Argument String candidateId, @Argument String senderUserId, @AuthenticationPrincipal Caller caller) {
		return this.templates.preview(caller, templateId, body, candidateId, senderUserId);
	}

	@MutationMapping
	ChatTemplate createChatTemplate(@Argument ChatTemplateInput input, @AuthenticationPrincipal Caller caller) {
		return this.templates.create(caller, input);
	}

	@MutationMapping
	ChatTemplate updateChatTemplate(@Argument String id, @Argument ChatTemplateInput input,
			@AuthenticationPrincipal Caller caller) {
		return this.templates.update(caller, id, input);
	}

	@MutationMapping
	String deleteChatTemplate(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.templates.delete(caller, id);
	}

	@SchemaMapping(typeName = "ChatTemplate")
	SmsMeasure measure(ChatTemplate template) {
		return SmsMeasurer.measure(template.body());
	}

	@SchemaMapping(typeName = "ChatTemplate")
	int version(ChatTemplate template) {
		return template.version() == null ? 0 : template.version().intValue();
	}

	/** One workflow query for every template in the response, not one per template. */
	@BatchMapping(typeName = "ChatTemplate")
	Map<ChatTemplate, List<String>> usedByWorkflows(List<ChatTemplate> templates) {
		return this.templates.usedByWorkflows(templates);
	}

}
