package io.recruitflow.campaign;

import java.util.List;
import java.util.Optional;

import io.recruitflow.platform.Caller;

import org.springframework.stereotype.Service;

/** Reads of the caller's web campaigns and their CTAs; another account's are never found. */
@Service
public class CampaignService {

	private final WebCampaignRepository campaigns;

	CampaignService(WebCampaignRepository campaigns) {
		this.campaigns = campaigns;
	}

	public List<WebCampaign> campaigns(Caller caller) {
		return this.campaigns.findByAccountIdOrderByNameAsc(caller.accountId());
	}

	public Optional<WebCampaign> campaign(Caller caller, String id) {
		return this.campaigns.findById(id).filter(campaign -> campaign.accountId().equals(caller.accountId()));
	}

	public Optional<CtaView> cta(Caller caller, String ctaId) {
		return ctas(campaigns(caller)).stream().filter(cta -> cta.id().equals(ctaId)).findFirst();
	}

	public static List<CtaView> ctas(WebCampaign campaign) {
		return campaign.ctas() == null ? List.of()
				: campaign.ctas().stream().map(cta -> new CtaView(cta.id(), cta.label(), campaign)).toList();
	}

	/** Every CTA of the given campaigns, campaign by campaign. */
	public static List<CtaView> ctas(List<WebCampaign> campaigns) {
		return campaigns.stream().flatMap(campaign -> ctas(campaign).stream()).toList();
	}

}
