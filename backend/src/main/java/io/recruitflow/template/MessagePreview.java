package io.recruitflow.template;

import java.util.List;

/**
 * A rendered message with its SMS measure and what the candidate would see it come from.
 * {@code bodyMeasure} measures the body as written, which is what the save limit applies to.
 */
public record MessagePreview(String text, SmsEncoding encoding, int characters, int segments, int credits,
		List<String> unicodeCharacters, int remainingInSegment, SmsMeasure bodyMeasure, String senderNumber,
		String fromName, List<String> unknownMergeFields, String candidateName) {
}
