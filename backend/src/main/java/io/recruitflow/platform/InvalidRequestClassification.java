package io.recruitflow.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * graphql-java reports a request that does not fit the schema — a syntax error, an unknown field
 * or enum value, an argument of the wrong type, a missing required variable — with its own
 * classifications (InvalidSyntax, ValidationError). To integrators that is bad input like any
 * other, so it is reported as {@code BAD_REQUEST}, keeping graphql-java's message (which names
 * the field, argument or value at fault), locations and path. Introspection outside the dev
 * profile (graphql-java's IntrospectionDisabled) is refused by policy: {@code FORBIDDEN}.
 */
@Component
class InvalidRequestClassification extends SimplePerformantInstrumentation {

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		List<GraphQLError> errors = result.getErrors();
		if (errors.isEmpty() || errors.stream().allMatch(error -> classification(error) == null)) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> reclassified = new ArrayList<>(errors.size());
		for (GraphQLError error : errors) {
			ErrorType type = classification(error);
			reclassified.add(type == null ? error : reclassify(error, type));
		}
		return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(reclassified)));
	}

	/** Ours for graphql-java's own classifications, or null to leave the error as it is. */
	private static ErrorType classification(GraphQLError error) {
		if (error.getErrorType() == graphql.ErrorType.ValidationError
				|| error.getErrorType() == graphql.ErrorType.InvalidSyntax) {
			return ErrorType.BAD_REQUEST;
		}
		if (error.getErrorType() != null && "IntrospectionDisabled".equals(error.getErrorType().toString())) {
			return ErrorType.FORBIDDEN;
		}
		return null;
	}

	private static GraphQLError reclassify(GraphQLError error, ErrorType type) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.remove("classification");
		var builder = GraphqlErrorBuilder.newError().message("%s", error.getMessage()).errorType(type);
		if (error.getLocations() != null) {
			builder.locations(error.getLocations());
		}
		if (error.getPath() != null) {
			builder.path(error.getPath());
		}
		if (!extensions.isEmpty()) {
			builder.extensions(extensions);
		}
		return builder.build();
	}

}
