package io.recruitflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.StringValue;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import org.springframework.stereotype.Component;

/**
 * Every text a request carries, in its variables or written into the query, must be valid Unicode
 * (no unpaired surrogates, which MongoDB would silently turn into '?'), hold no control characters
 * other than tab and line breaks (NUL and friends have no place in names, messages or ids), and be
 * at most {@code maxStringLength} characters. Checked before any resolver runs, so a request that
 * fails writes nothing; the BAD_REQUEST error names the variable (or the query's line) and the
 * problem.
 */
@Component
class TextArguments extends SimplePerformantInstrumentation {

	private final int maxLength;

	TextArguments(RecruitFlowProperties properties) {
		this.maxLength = properties.graphql().maxStringLength();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		context.getCoercedVariables().toMap().forEach((name, value) -> checkValue("$" + name, value));
		List<Node> roots = new ArrayList<>();
		roots.add(context.getOperationDefinition());
		roots.addAll(context.getFragmentsByName().values());
		new NodeTraverser().depthFirst(new NodeVisitorStub() {
			@Override
			public TraversalControl visitStringValue(StringValue node, TraverserContext<Node> traverser) {
				String where = node.getSourceLocation() == null ? "A text in the query"
						: "The text on line " + node.getSourceLocation().getLine() + " of the query";
				check(where, node.getValue());
				return TraversalControl.CONTINUE;
			}
		}, roots);
		return super.beginExecuteOperation(parameters, state);
	}

	private void checkValue(String where, Object value) {
		switch (value) {
			case String text -> check(where, text);
			case Map<?, ?> map -> map.forEach((key, item) -> checkValue(where + "." + key, item));
			case List<?> list -> {
				for (int i = 0; i < list.size(); i++) {
					checkValue(where + "[" + i + "]", list.get(i));
				}
			}
			case null, default -> {
			}
		}
	}

	private void check(String where, String text) {
		if (text == null) {
			return;
		}
		if (text.length() > this.maxLength) {
			throw new GraphQlConfiguration.LimitExceeded(where + " is " + text.length()
					+ " characters long; a text argument may hold at most " + this.maxLength + " characters.");
		}
		Text.characterProblem(where, text).ifPresent(problem -> {
			throw new GraphQlConfiguration.LimitExceeded(problem);
		});
	}

}
