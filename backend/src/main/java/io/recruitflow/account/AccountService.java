package io.recruitflow.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;
import io.recruitflow.platform.SmsMode;

import org.springframework.stereotype.Service;

/**
 * Reads of the caller's own account and users, and the sender rule from the seed article: a user's
 * own SMS number with their name as From, else the company number with the company name.
 */
@Service
public class AccountService {

	private final AccountRepository accounts;

	private final UserRepository users;

	private final boolean sandbox;

	AccountService(AccountRepository accounts, UserRepository users, SmsMode smsMode) {
		this.accounts = accounts;
		this.users = users;
		this.sandbox = smsMode.sandbox();
	}

	/** Who a number of ours belongs to: an account, and the user it is allocated to (null: the company number). */
	public record NumberOwner(String accountId, String userId) {
	}

	/**
	 * The account (and user) owning this E.164 number, for routing an inbound SMS. A user's number
	 * is answered from the user alone: every reply asks, and few need more of the account than its id.
	 */
	public Optional<NumberOwner> numberOwner(String number) {
		Optional<User> user = this.users.findFirstBySmsNumber(number);
		if (user.isPresent()) {
			return Optional.of(new NumberOwner(user.get().accountId(), user.get().id()));
		}
		return this.accounts.findFirstByCompanyNumber(number).map(account -> new NumberOwner(account.id(), null));
	}

	/**
	 * The ids of the account's active admins: who hears of replies nobody else is assigned. Asked on
	 * every reply to the company number, so it reads only those users and not the account.
	 */
	public List<String> adminIds(String accountId) {
		return this.users.findByAccountIdAndRoleAndActiveTrue(accountId, Role.ADMIN).stream().map(User::id).toList();
	}

	public Account account(Caller caller) {
		return this.accounts.findById(caller.accountId())
			.orElseThrow(() -> new DomainException.NotFound("Account", caller.accountId()));
	}

	public boolean sandbox() {
		return this.sandbox;
	}

	public UserView me(Caller caller) {
		Account account = account(caller);
		User user = this.users.findByIdAndAccountId(caller.userId(), caller.accountId())
			.orElseThrow(() -> new DomainException.NotFound("User", caller.userId()));
		return UserView.of(user, account);
	}

	public List<UserView> users(Caller caller) {
		Account account = account(caller);
		return this.users.findByAccountIdOrderByNameAsc(caller.accountId())
			.stream()
			.map(user -> UserView.of(user, account))
			.toList();
	}

	/** The users who can send: the active users of the caller's account, by name. */
	public List<UserView> senders(Caller caller) {
		return users(caller).stream().filter(UserView::active).toList();
	}

	/** A user of the caller's account, active or not; another account's user is not found. */
	public Optional<UserView> user(Caller caller, String userId) {
		return user(account(caller), userId);
	}

	/** A user of {@code account}, for callers that have just read the account anyway. */
	public Optional<UserView> user(Account account, String userId) {
		return this.users.findByIdAndAccountId(userId, account.id()).map(user -> UserView.of(user, account));
	}

	/** Users of the caller's account by id, for resolving references without one query each. */
	public Map<String, UserView> usersById(Caller caller) {
		return users(caller).stream().collect(Collectors.toMap(UserView::id, Function.identity()));
	}

	public List<SmsNumberView> smsNumbers(Caller caller) {
		Account account = account(caller);
		List<SmsNumberView> numbers = new ArrayList<>();
		numbers.add(new SmsNumberView(account.companyNumber(), SmsNumberView.Kind.COMPANY, null, account.name()));
		for (UserView user : users(caller)) {
			if (user.smsNumber() != null) {
				numbers.add(new SmsNumberView(user.smsNumber(), SmsNumberView.Kind.USER, user, user.name()));
			}
		}
		return numbers;
	}

}
