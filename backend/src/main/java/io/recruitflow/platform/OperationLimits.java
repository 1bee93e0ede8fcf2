package io.recruitflow.platform;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import org.springframework.stereotype.Component;

/**
 * Operations per request. A request document may define at most {@code maxOperations}
 * operations (only the named one runs, but every one is parsed and validated), and the operation
 * that runs may ask for at most {@code maxRootFields} top-level fields, aliases and fragments
 * included, so that one request cannot repeat a mutation (say, sendChatMessage) many times over.
 * Checked before any resolver runs; over a limit, nothing runs and the error (BAD_REQUEST) names
 * the limit.
 */
@Component
class OperationLimits extends SimplePerformantInstrumentation {

	private final int maxOperations;

	private final int maxRootFields;

	OperationLimits(RecruitFlowProperties properties) {
		this.maxOperations = properties.graphql().maxOperations();
		this.maxRootFields = properties.graphql().maxRootFields();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		long operations = context.getDocument()
			.getDefinitions()
			.stream()
			.filter(OperationDefinition.class::isInstance)
			.count();
		if (operations > this.maxOperations) {
			throw new GraphQlConfiguration.LimitExceeded("The request defines " + operations
					+ " operations; the maximum is " + this.maxOperations
					+ " operations per request. Send one operation per request.");
		}
		int rootFields = count(context.getOperationDefinition().getSelectionSet(), context.getFragmentsByName(), 0);
		if (rootFields > this.maxRootFields) {
			String kind = context.getOperationDefinition().getOperation().name().toLowerCase(java.util.Locale.ROOT);
			throw new GraphQlConfiguration.LimitExceeded("The " + kind + " asks for " + rootFields
					+ " top-level fields; the maximum is " + this.maxRootFields
					+ " top-level fields per request. Split it into several requests (or use a batch mutation).");
		}
		return super.beginExecuteOperation(parameters, state);
	}

	/** Top-level fields, counting those inside fragments (validation has ruled out fragment cycles). */
	private static int count(SelectionSet selections, Map<String, FragmentDefinition> fragments, int depth) {
		if (selections == null || depth > 32) {
			return 0;
		}
		int total = 0;
		for (Selection<?> selection : selections.getSelections()) {
			switch (selection) {
				case Field field -> total++;
				case InlineFragment inline -> total += count(inline.getSelectionSet(), fragments, depth + 1);
				case FragmentSpread spread -> {
					FragmentDefinition fragment = fragments.get(spread.getName());
					total += fragment == null ? 0 : count(fragment.getSelectionSet(), fragments, depth + 1);
				}
				default -> {
				}
			}
		}
		return total;
	}

}
