package io.recruitflow.account;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The lookups authentication needs: users by sign-in email and by id, active ones only. */
@Service
public class UserService {

	private final UserRepository users;

	UserService(UserRepository users) {
		this.users = users;
	}

	public Optional<User> activeUserByEmail(String email) {
		return this.users.findByEmail(normaliseEmail(email)).filter(User::active);
	}

	public Optional<User> activeUser(String userId) {
		return this.users.findById(userId).filter(User::active);
	}

	public static String normaliseEmail(String email) {
		return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
	}

}
