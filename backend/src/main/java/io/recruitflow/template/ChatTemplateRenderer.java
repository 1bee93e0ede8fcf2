package io.recruitflow.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills the merge fields of a body. Pure and thread-safe: the template editor, the preview and the
 * dispatch engine render with the same rules. A merge field the renderer does not know is left as
 * written, so a preview shows exactly what is wrong; saving such a body is refused earlier.
 */
public final class ChatTemplateRenderer {

	/** {{name}}, tolerating spaces inside the braces: {{ candidate.firstName }}. */
	private static final Pattern MERGE_FIELD = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

	private ChatTemplateRenderer() {
	}

	public static String render(String body, MergeValues values) {
		if (body == null) {
			return "";
		}
		Matcher matcher = MERGE_FIELD.matcher(body);
		StringBuilder out = new StringBuilder(body.length());
		while (matcher.find()) {
			String replacement = MergeField.named(matcher.group(1))
				.map(field -> field.valueFrom(values))
				.orElse(matcher.group());
			matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** The merge fields of a body that do not exist, each written {{name}}, in order of appearance. */
	public static List<String> unknownMergeFields(String body) {
		if (body == null) {
			return List.of();
		}
		Set<String> unknown = new LinkedHashSet<>();
		Matcher matcher = MERGE_FIELD.matcher(body);
		while (matcher.find()) {
			String name = matcher.group(1);
			if (MergeField.named(name).isEmpty()) {
				unknown.add("{{" + name + "}}");
			}
		}
		return new ArrayList<>(unknown);
	}

	/** Every known merge field as it is written in a body, for messages that list the choices. */
	public static String knownTokens() {
		return Arrays.stream(MergeField.values()).map(MergeField::token).collect(Collectors.joining(", "));
	}

}
