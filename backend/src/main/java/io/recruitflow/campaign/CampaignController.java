package io.recruitflow.campaign;

import java.util.List;

import io.recruitflow.platform.Caller;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class CampaignController {

	private final CampaignService campaigns;

	CampaignController(CampaignService campaigns) {
		this.campaigns = campaigns;
	}

	@QueryMapping
	List<WebCampaign> webCampaigns(@AuthenticationPrincipal Caller caller) {
		return this.campaigns.campaigns(caller);
	}

	/** CTAs are embedded in their campaign; the view carries the campaign so Cta.webCampaign needs no lookup. */
	@SchemaMapping(typeName = "WebCampaign")
	List<CtaView> ctas(WebCampaign campaign) {
		return CampaignService.ctas(campaign);
	}

}
