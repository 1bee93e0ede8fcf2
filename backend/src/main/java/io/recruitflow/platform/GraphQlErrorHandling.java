package io.recruitflow.platform;

import java.util.Map;
import java.util.stream.Collectors;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Maps expected failures to GraphQL errors with {@code extensions.classification} and a message a
 * person can act on. Anything unexpected falls through to Spring GraphQL's default, which answers
 * INTERNAL_ERROR with an opaque id and logs the stack trace server-side only.
 */
@ControllerAdvice
class GraphQlErrorHandling {

	@GraphQlExceptionHandler
	GraphQLError badRequest(DomainException.BadRequest ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.BAD_REQUEST, ex.getMessage(), null);
	}

	@GraphQlExceptionHandler
	GraphQLError notFound(DomainException.NotFound ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.NOT_FOUND, ex.getMessage(), null);
	}

	@GraphQlExceptionHandler
	GraphQLError forbidden(DomainException.Forbidden ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.FORBIDDEN, ex.getMessage(), null);
	}

	@GraphQlExceptionHandler
	GraphQLError conflict(DomainException.Conflict ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.BAD_REQUEST, ex.getMessage(), "CONFLICT");
	}

	@GraphQlExceptionHandler
	GraphQLError invalid(ConstraintViolationException ex, DataFetchingEnvironment env) {
		String message = ex.getConstraintViolations()
			.stream()
			.map(GraphQlErrorHandling::describe)
			.sorted()
			.collect(Collectors.joining("; "));
		return error(env, ErrorType.BAD_REQUEST, message, null);
	}

	private static String describe(ConstraintViolation<?> violation) {
		String path = violation.getPropertyPath().toString();
		String field = path.substring(path.lastIndexOf('.') + 1);
		return field + " " + violation.getMessage();
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message, String code) {
		var builder = GraphqlErrorBuilder.newError(env).errorType(type).message(message);
		if (code != null) {
			builder.extensions(Map.of("code", code));
		}
		return builder.build();
	}

}
