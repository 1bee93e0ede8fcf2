package io.recruitflow.template;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.cloudhopper.commons.charset.GSMCharset;

/**
 * Measures a text as an SMS: encoding, length, segments and credits. Pure and thread-safe, so the
 * template editor's counter, the preview and the dispatch engine all charge the same amount.
 *
 * <p>The GSM 03.38 default alphabet and its extension table come from cloudhopper's
 * {@link GSMCharset}. Splitting follows what SMS centres do with concatenated messages: a part
 * holds 153 septets (67 UTF-16 units for UCS-2) after the user data header, and neither an
 * escape sequence (an extension character) nor a surrogate pair (an emoji) is cut between parts,
 * so a character that does not fit whole starts the next part.
 */
public final class SmsMeasurer {

	/** MessageBird's limit for one message: nine concatenated GSM-7 parts of 153 septets. */
	public static final int MAX_CHARACTERS = 1377;

	static final int GSM_SINGLE = 160;

	static final int GSM_PART = 153;

	static final int UCS2_SINGLE = 70;

	static final int UCS2_PART = 67;

	/** Characters of the extension table: each is sent as ESC plus one septet. */
	private static final BitSet EXTENSION = extensionTable();

	private SmsMeasurer() {
	}

	public static SmsMeasure measure(String text) {
		String body = text == null ? "" : text;
		List<String> unicode = unicodeCharacters(body);
		boolean gsm = unicode.isEmpty();
		int[] widths = gsm ? gsmWidths(body) : utf16Widths(body);
		int single = gsm ? GSM_SINGLE : UCS2_SINGLE;
		int part = gsm ? GSM_PART : UCS2_PART;

		int characters = 0;
		for (int width : widths) {
			characters += width;
		}
		int segments;
		int remaining;
		if (characters == 0) {
			segments = 0;
			remaining = single;
		}
		else if (characters <= single) {
			segments = 1;
			remaining = single - characters;
		}
		else {
			segments = 1;
			int used = 0;
			for (int width : widths) {
				if (used + width > part) {
					segments++;
					used = 0;
				}
				used += width;
			}
			remaining = part - used;
		}
		return new SmsMeasure(gsm ? SmsEncoding.GSM_7 : SmsEncoding.UCS_2, characters, segments, segments,
				List.copyOf(unicode), MAX_CHARACTERS, remaining);
	}

	/** Whether every character of the text is in the GSM 03.38 alphabet or its extension table. */
	public static boolean isGsm7(String text) {
		return text == null || GSMCharset.canRepresent(text);
	}

	private static List<String> unicodeCharacters(String text) {
		if (isGsm7(text)) {
			return List.of();
		}
		Set<String> found = new LinkedHashSet<>();
		text.codePoints().mapToObj(Character::toString).filter(c -> !GSMCharset.canRepresent(c)).forEach(found::add);
		return new ArrayList<>(found);
	}

	private static int[] gsmWidths(String text) {
		int[] widths = new int[text.length()];
		for (int i = 0; i < text.length(); i++) {
			widths[i] = EXTENSION.get(text.charAt(i)) ? 2 : 1;
		}
		return widths;
	}

	private static int[] utf16Widths(String text) {
		return text.codePoints().map(Character::charCount).toArray();
	}

	private static BitSet extensionTable() {
		BitSet table = new BitSet();
		for (char c : GSMCharset.EXT_CHAR_TABLE) {
			if (c != 0) {
				table.set(c);
			}
		}
		return table;
	}

}
