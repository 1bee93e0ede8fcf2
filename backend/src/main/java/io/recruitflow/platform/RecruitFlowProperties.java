package io.recruitflow.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deployment settings (DESIGN §7). Environment variables map onto these through
 * application.yml so that `make run` and the packaged app honour the same names.
 *
 * @param dataDir where the embedded database and generated dev keys live
 * @param demoData seed the demo accounts on first start; null means "only on the embedded server"
 * @param publicBaseUrl how MessageBird reaches us
 * @param jwtSecret base64 HMAC key for session tokens; blank means "generate once into dataDir"
 * @param sessionTtl how long a sign-in lasts
 * @param graphql request limits (depth, complexity, operations, root fields, text length)
 * @param login sign-in throttling
 */
@ConfigurationProperties("recruitflow")
public record RecruitFlowProperties(
		@DefaultValue("./data") Path dataDir,
		Boolean demoData,
		@DefaultValue("http://localhost:8080") String publicBaseUrl,
		String jwtSecret,
		@DefaultValue("12h") Duration sessionTtl,
		@DefaultValue GraphQlLimits graphql,
		@DefaultValue LoginThrottling login) {

	/**
	 * @param maxDepth how deeply fields may nest
	 * @param maxComplexity how many fields one request may ask for in all
	 * @param maxOperations how many operations one request document may define (only one runs)
	 * @param maxRootFields how many top-level fields (aliases included) the operation may ask for, so one request
	 * cannot repeat a mutation many times over
	 * @param maxStringLength the most characters a single text argument may hold
	 */
	public record GraphQlLimits(@DefaultValue("12") int maxDepth, @DefaultValue("1000") int maxComplexity,
			@DefaultValue("10") int maxOperations, @DefaultValue("20") int maxRootFields,
			@DefaultValue("10000") int maxStringLength) {
	}

	public record LoginThrottling(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration lockout) {
	}

}
