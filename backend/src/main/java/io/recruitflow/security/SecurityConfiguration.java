package io.recruitflow.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Stateless: no sessions, no cookies, so no CSRF. {@code /graphql} over HTTP needs a bearer
 * credential; the WebSocket upgrade on the same path is let through because graphql-ws
 * authenticates in {@code connection_init} (see {@link WebSocketAuthentication}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final RequestMatcher WEBSOCKET_UPGRADE = request -> "websocket"
		.equalsIgnoreCase(request.getHeader("Upgrade"));

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, CallerAuthenticator authenticator, JsonErrors errors)
			throws Exception {
		http.csrf(csrf -> csrf.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerAuthenticationFilter(authenticator, errors), AnonymousAuthenticationFilter.class)
			// The GraphQL HTTP handler completes asynchronously; the original request was already authorised.
			.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/auth/login")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/webhooks/**")
				.permitAll()
				.requestMatchers(request -> "/graphql".equals(request.getServletPath()) && WEBSOCKET_UPGRADE.matches(request))
				.permitAll()
				.requestMatchers("/graphql", "/graphql/**", "/actuator/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, ex) -> errors.write(response,
						HttpServletResponse.SC_UNAUTHORIZED,
						"Sign in first: send Authorization: Bearer <session token or API key>."))
				.accessDeniedHandler((request, response, ex) -> errors.write(response,
						HttpServletResponse.SC_FORBIDDEN, "You are not allowed to do that.")));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/**
	 * No tracing of each security filter: it wrapped every filter of every request in an
	 * observation, a fifth of the request threads' time in the trigger benchmark profile, for
	 * figures nobody reads. Request metrics and health are unaffected.
	 */
	@Bean
	SecurityObservationSettings noSecurityFilterObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** Keeps Spring Boot from creating its default in-memory user with a generated password. */
	@Bean
	UserDetailsService noUserDetails() {
		return username -> {
			throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
		};
	}

}
