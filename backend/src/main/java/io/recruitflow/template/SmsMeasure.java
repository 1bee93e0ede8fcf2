package io.recruitflow.template;

import java.util.List;

/**
 * A text measured as the network counts it.
 *
 * @param encoding GSM-7, or UCS-2 for the whole message once one character needs it
 * @param characters septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2)
 * @param segments SMS parts the text is sent in; 0 for an empty text
 * @param credits what one message costs: one credit per segment
 * @param unicodeCharacters the distinct characters that forced UCS-2, in order of appearance
 * @param maxCharacters the most characters MessageBird accepts in one message
 * @param remainingInSegment characters that still fit before the next segment starts
 */
public record SmsMeasure(SmsEncoding encoding, int characters, int segments, int credits,
		List<String> unicodeCharacters, int maxCharacters, int remainingInSegment) {

	public boolean tooLong() {
		return this.characters > this.maxCharacters;
	}

}
