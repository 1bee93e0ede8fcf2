package io.recruitflow.campaign;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A web campaign and the CTAs a candidate can complete on it; CTA ids are stable. */
@Document("webCampaigns")
public record WebCampaign(@Id String id, @Indexed String accountId, String name, List<Cta> ctas, Instant createdAt) {

	public record Cta(String id, String label) {
	}

}
