package io.recruitflow.security;

import java.util.List;
import java.util.Optional;

import io.recruitflow.account.ApiKeyService;
import io.recruitflow.account.UserService;
import io.recruitflow.platform.Caller;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Turns an {@code Authorization} header value (a session token or an API key) into an
 * authenticated {@link Caller}. Shared by the HTTP filter and the WebSocket interceptor so both
 * accept exactly the same credentials.
 */
@Component
class CallerAuthenticator {

	private static final String BEARER = "Bearer ";

	private final SessionTokens tokens;

	private final UserService users;

	private final ApiKeyService apiKeys;

	CallerAuthenticator(SessionTokens tokens, UserService users, ApiKeyService apiKeys) {
		this.tokens = tokens;
		this.users = users;
		this.apiKeys = apiKeys;
	}

	Optional<Authentication> authenticate(String authorizationHeader) {
		if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.empty();
		}
		String credential = authorizationHeader.substring(BEARER.length()).trim();
		Optional<Caller> caller = ApiKeyService.looksLikeApiKey(credential) ? this.apiKeys.authenticate(credential)
				: this.tokens.verify(credential)
					.flatMap(claims -> this.users.activeUser(claims.userId())
						.filter(user -> user.accountId().equals(claims.accountId()))
						.map(user -> new Caller(user.accountId(), user.id(), user.isAdmin(), null)));
		return caller.map(CallerAuthenticator::toAuthentication);
	}

	private static Authentication toAuthentication(Caller caller) {
		var authorities = caller.viaApiKey() ? List.of(new SimpleGrantedAuthority("ROLE_INTEGRATION"))
				: List.of(new SimpleGrantedAuthority(caller.admin() ? "ROLE_ADMIN" : "ROLE_RECRUITER"));
		return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
	}

}
