package io.recruitflow.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.recruitflow.template.TemplateUsage;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Tells the template feature which workflows (not deleted) have a step using a template. */
@Component
class WorkflowTemplateUsage implements TemplateUsage {

	private final MongoTemplate mongo;

	WorkflowTemplateUsage(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Map<String, List<String>> workflowNamesByTemplate(String accountId, Collection<String> templateIds) {
		if (templateIds.isEmpty()) {
			return Map.of();
		}
		List<Workflow> using = this.mongo.find(Query.query(Criteria.where("accountId").is(accountId)
			.and("deletedAt").isNull()
			.and("steps.chatTemplateId").in(templateIds)), Workflow.class);
		Map<String, List<String>> names = new HashMap<>();
		using.stream().sorted((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name())).forEach(workflow -> {
			workflow.steps()
				.stream()
				.map(Workflow.Step::chatTemplateId)
				.filter(templateIds::contains)
				.distinct()
				.forEach(templateId -> names.computeIfAbsent(templateId, id -> new ArrayList<>()).add(workflow.name()));
		});
		return names;
	}

}
