package io.recruitflow.platform;

import java.util.Optional;

/**
 * Text checks shared by the features' input rules. {@link String#isBlank()} only knows
 * whitespace, so a name made of zero-width spaces, direction marks or no-break spaces would pass
 * as "not empty" while showing nothing at all.
 */
public final class Text {

	private Text() {
	}

	/**
	 * True when the text shows nothing: null, empty, or only whitespace, space separators (such as
	 * no-break spaces) and format characters (zero-width spaces and joiners, direction marks, the
	 * byte-order mark).
	 */
	public static boolean isBlank(String text) {
		return text == null || text.codePoints().allMatch(Text::invisible);
	}

	private static boolean invisible(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
				|| Character.getType(codePoint) == Character.FORMAT;
	}

	/**
	 * What is wrong with the characters of a text, if anything: an unpaired surrogate (not valid
	 * Unicode; MongoDB would store it as '?') or a control character other than tab and line breaks.
	 *
	 * @param where how the message names the text, e.g. "body" or "$input.name"
	 */
	public static Optional<String> characterProblem(String where, String text) {
		if (text == null) {
			return Optional.empty();
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return Optional.of(where + " is not valid Unicode text: it holds an unpaired surrogate (" + codePoint(c)
						+ ") at position " + (i + 1) + ".");
			}
			else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
				return Optional.of(where + " holds the control character " + codePoint(c) + " at position " + (i + 1)
						+ "; remove it (tabs and line breaks are the only control characters allowed).");
			}
		}
		return Optional.empty();
	}

	private static String codePoint(char c) {
		return String.format("U+%04X", (int) c);
	}

}
