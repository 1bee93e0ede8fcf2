package io.recruitflow.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

/**
 * graphql-ws authentication: the token travels in the {@code connection_init} payload as
 * {@code {"Authorization": "Bearer …"}}. A bad or missing one fails the initialisation, which
 * Spring GraphQL answers by closing the socket with 4401. Every later message then runs with the
 * caller's {@link SecurityContext} in the Reactor context — Spring GraphQL restores the handshake's
 * (anonymous) thread-local context per message, so without this resolvers would see no caller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // first, so every later interceptor sees the caller
class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

	private static final String AUTHENTICATION = WebSocketAuthentication.class.getName() + ".authentication";

	private final CallerAuthenticator authenticator;

	WebSocketAuthentication(CallerAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
		Object header = payload.get("Authorization");
		if (header == null) {
			header = payload.get("authorization");
		}
		var authentication = this.authenticator.authenticate(header instanceof String value ? value : null);
		if (authentication.isEmpty()) {
			return Mono.error(new InvalidConnectionToken());
		}
		info.getAttributes().put(AUTHENTICATION, authentication.get());
		return Mono.empty();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
		if (request instanceof WebSocketGraphQlRequest socketRequest
				&& socketRequest.getSessionInfo().getAttributes().get(AUTHENTICATION) instanceof Authentication auth) {
			SecurityContext context = new SecurityContextImpl(auth);
			return chain.next(request).contextWrite(ctx -> ctx.put(SecurityContext.class.getName(), context));
		}
		return chain.next(request);
	}

	static final class InvalidConnectionToken extends RuntimeException {

		InvalidConnectionToken() {
			super("connection_init must carry a valid Authorization: Bearer token or API key", null, false, false);
		}

	}

}
