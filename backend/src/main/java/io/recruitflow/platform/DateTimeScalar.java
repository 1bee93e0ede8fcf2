package io.recruitflow.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * {@code DateTime}: an ISO-8601 instant. Written here rather than taken from
 * graphql-java-extended-scalars because that scalar only accepts OffsetDateTime, while every
 * timestamp we store is an {@link Instant}; we answer in UTC ("…Z") and accept any offset.
 */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An ISO-8601 instant, e.g. 2026-11-28T04:06:10Z")
		.coercing(new InstantCoercing())
		.build();

	private DateTimeScalar() {
	}

	private static final class InstantCoercing implements Coercing<Instant, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			return switch (value) {
				case Instant instant -> instant.toString();
				case OffsetDateTime time -> time.toInstant().toString();
				case ZonedDateTime time -> time.toInstant().toString();
				default -> throw new CoercingSerializeException(
						"DateTime cannot represent a " + value.getClass().getSimpleName());
			};
		}

		@Override
		public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			throw new CoercingParseValueException("DateTime must be an ISO-8601 string, e.g. 2026-11-28T04:06:10Z");
		}

		@Override
		public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (input instanceof StringValue string) {
				return parse(string.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string, e.g. 2026-11-28T04:06:10Z");
		}

		private static <E extends RuntimeException> Instant parse(String text,
				java.util.function.Function<String, E> error) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw error.apply("'" + text + "' is not an ISO-8601 date-time such as 2026-11-28T04:06:10Z");
			}
		}

	}

}
