package io.recruitflow.account;

/**
 * A user as the API shows them: never the password hash, always the number and From name a
 * candidate would see when this user is the sender.
 */
public record UserView(String id, String accountId, String name, String email, Role role, String smsNumber,
		String senderNumber, String fromName, boolean active) {

	static UserView of(User user, Account account) {
		boolean ownNumber = user.smsNumber() != null;
		return new UserView(user.id(), user.accountId(), user.name(), user.email(), user.role(), user.smsNumber(),
				ownNumber ? user.smsNumber() : account.companyNumber(), ownNumber ? user.name() : account.name(),
				user.active());
	}

}
