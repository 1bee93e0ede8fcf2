package io.recruitflow.candidate;

import java.util.List;
import java.util.Map;

import io.recruitflow.platform.Caller;
import io.recruitflow.platform.DomainException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class CandidateController {

	static final int DEFAULT_PAGE = 25;

	static final int MAX_PAGE = 100;

	private final CandidateService candidates;

	CandidateController(CandidateService candidates) {
		this.candidates = candidates;
	}

	@QueryMapping
	Map<String, Object> candidates(@Argument String search, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		int size = first == null ? DEFAULT_PAGE : first;
		if (size < 1 || size > MAX_PAGE) {
			throw new DomainException.BadRequest("first must be 1 to " + MAX_PAGE + ".");
		}
		CandidateService.Page page = this.candidates.search(caller, search, size, after);
		List<Map<String, Object>> edges = page.candidates()
			.stream()
			.map(candidate -> Map.<String, Object>of("cursor", candidate.id(), "node", candidate))
			.toList();
		Map<String, Object> pageInfo = new java.util.HashMap<>();
		pageInfo.put("hasNextPage", page.hasNext());
		pageInfo.put("endCursor", page.candidates().isEmpty() ? null : page.candidates().getLast().id());
		return Map.of("edges", edges, "pageInfo", pageInfo, "totalCount", page.totalCount());
	}

	@QueryMapping
	Candidate candidate(@Argument String id, @AuthenticationPrincipal Caller caller) {
		return this.candidates.candidate(caller, id).orElse(null);
	}

	@SchemaMapping(typeName = "Candidate")
	List<Map<String, String>> customFields(Candidate candidate) {
		return candidate.customFields() == null ? List.of()
				: candidate.customFields()
					.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map(entry -> Map.of("name", entry.getKey(), "value", entry.getValue()))
					.toList();
	}

}
