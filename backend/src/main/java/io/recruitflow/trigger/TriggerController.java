package io.recruitflow.trigger;

import java.util.List;

import io.recruitflow.platform.Caller;
import io.recruitflow.trigger.TriggerInputs.AtsStatusChangeInput;
import io.recruitflow.trigger.TriggerInputs.CtaCompletionInput;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class TriggerController {

	private final TriggerService triggers;

	TriggerController(TriggerService triggers) {
		this.triggers = triggers;
	}

	@MutationMapping
	TriggerReceipt recordCtaCompletion(@Argument CtaCompletionInput input, @AuthenticationPrincipal Caller caller) {
		return this.triggers.recordCtaCompletion(caller, input);
	}

	@MutationMapping
	TriggerReceipt recordAtsStatusChange(@Argument AtsStatusChangeInput input, @AuthenticationPrincipal Caller caller) {
		return this.triggers.recordAtsStatusChange(caller, input);
	}

	@MutationMapping
	List<TriggerResult> recordCtaCompletions(@Argument List<CtaCompletionInput> inputs,
			@AuthenticationPrincipal Caller caller) {
		return this.triggers.recordCtaCompletions(caller, inputs);
	}

	@MutationMapping
	List<TriggerResult> recordAtsStatusChanges(@Argument List<AtsStatusChangeInput> inputs,
			@AuthenticationPrincipal Caller caller) {
		return this.triggers.recordAtsStatusChanges(caller, inputs);
	}

}
