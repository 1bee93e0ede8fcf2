package io.recruitflow.account;

import java.util.List;

import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class CreditLedgerController {

	static final int DEFAULT_ENTRIES = 50;

	static final int MAX_ENTRIES = 200;

	private final CreditService credits;

	CreditLedgerController(CreditService credits) {
		this.credits = credits;
	}

	@QueryMapping
	List<CreditLedgerEntry> creditLedger(@Argument Integer first, @AuthenticationPrincipal Caller caller) {
		int limit = first == null ? DEFAULT_ENTRIES : first;
		if (limit < 1 || limit > MAX_ENTRIES) {
			throw new DomainException.BadRequest("first must be 1 to " + MAX_ENTRIES + ".");
		}
		return this.credits.ledger(caller, limit);
	}

}
