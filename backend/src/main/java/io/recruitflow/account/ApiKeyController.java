package io.recruitflow.account;

import java.util.List;

import io.recruitflow.platform.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class ApiKeyController {

	private final ApiKeyService apiKeys;

	ApiKeyController(ApiKeyService apiKeys) {
		this.apiKeys = apiKeys;
	}

	@QueryMapping
	List<ApiKeyView> apiKeys(@AuthenticationPrincipal Caller caller) {
		return this.apiKeys.list(caller);
	}

	@MutationMapping
	CreatedApiKey createApiKey(@Argument CreateApiKeyInput input, @AuthenticationPrincipal Caller caller) {
		return this.apiKeys.create(caller, input.name());
	}

	@MutationMapping
	ApiKeyView revokeApiKey(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.apiKeys.revoke(caller, id);
	}

	record CreateApiKeyInput(String name) {
	}

}
