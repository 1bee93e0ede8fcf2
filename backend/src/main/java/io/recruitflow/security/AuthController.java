package io.recruitflow.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.recruitflow.account.User;
import io.recruitflow.account.UserService;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/login}: email and password in, a session token out. Unknown email and wrong
 * password get the same answer, and take the same time, so sign-in does not reveal who has an
 * account.
 */
@RestController
class AuthController {

	static final String BAD_CREDENTIALS = "Email or password is incorrect.";

	private final UserService users;

	private final PasswordEncoder passwords;

	private final SessionTokens tokens;

	private final LoginThrottle throttle;

	/** Compared against when the email is unknown, so both failures cost one hash check. */
	private final String decoyHash;

	AuthController(UserService users, PasswordEncoder passwords, SessionTokens tokens, LoginThrottle throttle) {
		this.users = users;
		this.passwords = passwords;
		this.tokens = tokens;
		this.throttle = throttle;
		this.decoyHash = passwords.encode("decoy-password-for-unknown-emails");
	}

	/** Spring MVC logs request bodies at DEBUG with toString(): the password must not be in it. */
	record LoginRequest(String email, String password) {

		@Override
		public String toString() {
			return "LoginRequest[email=" + this.email + ", password=(hidden)]";
		}

	}

	/** Likewise for the response: the token is a credential. */
	record LoginResponse(String token, Instant expiresAt) {

		@Override
		public String toString() {
			return "LoginResponse[token=(hidden), expiresAt=" + this.expiresAt + "]";
		}

	}

	@PostMapping("/auth/login")
	ResponseEntity<?> login(@RequestBody(required = false) LoginRequest request) {
		if (request == null || isBlank(request.email()) || isBlank(request.password())) {
			return ResponseEntity.badRequest().body(Map.of("error", "Enter your email and password."));
		}
		String email = UserService.normaliseEmail(request.email());
		var locked = this.throttle.lockedFor(email);
		if (locked.isPresent()) {
			return tooManyAttempts(locked.get());
		}
		User user = this.users.activeUserByEmail(email).orElse(null);
		boolean matches = this.passwords.matches(request.password(), user != null ? user.passwordHash() : this.decoyHash);
		if (user == null || !matches) {
			this.throttle.recordFailure(email);
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", BAD_CREDENTIALS));
		}
		this.throttle.recordSuccess(email);
		SessionTokens.Issued issued = this.tokens.issue(user);
		return ResponseEntity.ok(new LoginResponse(issued.token(), issued.expiresAt()));
	}

	private static ResponseEntity<?> tooManyAttempts(Duration remaining) {
		long seconds = Math.max(1, remaining.toSeconds());
		long minutes = Math.max(1, (seconds + 59) / 60);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(Map.of("error",
					"Too many failed sign-in attempts. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes."),
					"retryAfterSeconds", seconds));
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
