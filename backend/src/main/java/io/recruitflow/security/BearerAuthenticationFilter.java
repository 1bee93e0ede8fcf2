package io.recruitflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates HTTP requests that carry {@code Authorization: Bearer …}. A credential that is
 * present but bad is answered 401 at once, so a client can tell "expired" from "not allowed".
 */
class BearerAuthenticationFilter extends OncePerRequestFilter {

	private final CallerAuthenticator authenticator;

	private final JsonErrors errors;

	BearerAuthenticationFilter(CallerAuthenticator authenticator, JsonErrors errors) {
		this.authenticator = authenticator;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		var authentication = this.authenticator.authenticate(header);
		if (authentication.isEmpty()) {
			this.errors.write(response, HttpServletResponse.SC_UNAUTHORIZED,
					"Your session token or API key is invalid, expired or revoked. Sign in again or use an active API key.");
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication.get());
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
