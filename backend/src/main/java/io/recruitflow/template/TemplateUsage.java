package io.recruitflow.template;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which workflows use a template. Declared here and implemented by the workflow feature, so that
 * templates can refuse a delete that would break a workflow without depending on workflows.
 */
public interface TemplateUsage {

	/**
	 * Names of the account's workflows (not deleted) whose steps use each template, by template id;
	 * a template no workflow uses may be absent from the map.
	 */
	Map<String, List<String>> workflowNamesByTemplate(String accountId, Collection<String> templateIds);

}
