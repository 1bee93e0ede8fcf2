package io.recruitflow.platform;

import java.util.List;
import java.util.Map;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.language.SourceLocation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Scalars and the limits every request is held to. A request over a limit fails before any
 * resolver runs, with a BAD_REQUEST error that names the limit.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
	}

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(RecruitFlowProperties properties) {
		int limit = properties.graphql().maxDepth();
		return new MaxQueryDepthInstrumentation(limit) {
			@Override
			protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
				return new LimitExceeded("The query is " + depth + " levels deep; the maximum query depth is "
						+ maxDepth + ". Ask for fewer nested fields.");
			}
		};
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(RecruitFlowProperties properties) {
		int limit = properties.graphql().maxComplexity();
		return new MaxQueryComplexityInstrumentation(limit) {
			@Override
			protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
				return new LimitExceeded("The query's complexity is " + complexity
						+ "; the maximum query complexity is " + maxComplexity + ". Ask for fewer fields.");
			}
		};
	}

	/** Reported as BAD_REQUEST rather than graphql-java's ExecutionAborted, like every other input error. */
	static final class LimitExceeded extends AbortExecutionException {

		LimitExceeded(String message) {
			super(message);
		}

		/** graphql-java fixes getErrorType(); an explicit classification extension takes precedence. */
		@Override
		public Map<String, Object> getExtensions() {
			return Map.of("classification", ErrorType.BAD_REQUEST.name());
		}

		@Override
		public List<SourceLocation> getLocations() {
			return null;
		}

	}

}
