package io.recruitflow.platform;

import java.security.Principal;

/**
 * Who is calling, as established by authentication: every service scopes its reads and writes by
 * {@link #accountId()}. For an API key, {@link #userId()} is the admin who created the key.
 *
 * @param accountId the tenant
 * @param userId the signed-in user, or the API key's creator
 * @param admin whether the user is an account admin
 * @param apiKeyId set when the call came with an API key instead of a user's session token
 */
public record Caller(String accountId, String userId, boolean admin, String apiKeyId) implements Principal {

	/**
	 * The engine acting for an account (a workflow step, a webhook): scoped like any caller, but
	 * nobody signed in.
	 */
	public static Caller system(String accountId) {
		return new Caller(accountId, null, true, null);
	}

	public boolean viaApiKey() {
		return this.apiKeyId != null;
	}

	@Override
	public String getName() {
		return viaApiKey() ? "api-key:" + this.apiKeyId : "user:" + this.userId;
	}

}
