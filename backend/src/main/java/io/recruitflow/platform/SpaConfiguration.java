package io.recruitflow.platform;

import java.io.IOException;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the built SPA from the jar's static/ folder. Client-side routes (/workflows/42, /inbox…)
 * have no file of their own, so any path without a file extension that is not an API path gets
 * index.html and the router takes over; a missing asset stays a 404.
 */
@Configuration(proxyBeanMethods = false)
class SpaConfiguration implements WebMvcConfigurer {

	private static final String[] API_PREFIXES = { "graphql", "graphiql", "auth/", "webhooks/", "actuator" };

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.resourceChain(true)
			.addResolver(new SpaFallbackResolver());
	}

	static final class SpaFallbackResolver extends PathResourceResolver {

		private final Resource index = new ClassPathResource("/static/index.html");

		@Override
		protected Resource getResource(String path, Resource location) throws IOException {
			Resource requested = location.createRelative(path);
			if (requested.exists() && requested.isReadable()) {
				return requested;
			}
			if (isApiPath(path) || path.substring(path.lastIndexOf('/') + 1).contains(".")) {
				return null;
			}
			return this.index.exists() ? this.index : null;
		}

		private static boolean isApiPath(String path) {
			for (String prefix : API_PREFIXES) {
				if (path.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}

	}

}
