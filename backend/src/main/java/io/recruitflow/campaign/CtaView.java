package io.recruitflow.campaign;

/** A CTA together with the web campaign it belongs to, as the API shows it. */
public record CtaView(String id, String label, WebCampaign webCampaign) {
}
