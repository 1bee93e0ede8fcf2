package io.recruitflow.account;

import java.util.List;

import io.recruitflow.platform.Caller;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Query side of accounts and users. */
@Controller
class AccountController {

	private final AccountService accounts;

	AccountController(AccountService accounts) {
		this.accounts = accounts;
	}

	@QueryMapping
	UserView me(@AuthenticationPrincipal Caller caller) {
		return this.accounts.me(caller);
	}

	@QueryMapping
	Account account(@AuthenticationPrincipal Caller caller) {
		return this.accounts.account(caller);
	}

	@QueryMapping
	List<UserView> users(@AuthenticationPrincipal Caller caller) {
		return this.accounts.users(caller);
	}

	@SchemaMapping(typeName = "Account")
	List<SmsNumberView> smsNumbers(Account account, @AuthenticationPrincipal Caller caller) {
		return this.accounts.smsNumbers(caller);
	}

	@SchemaMapping(typeName = "Account")
	boolean sandbox(Account account) {
		return this.accounts.sandbox();
	}

}
