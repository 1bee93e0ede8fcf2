package io.recruitflow.template;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsMeasurerTests {

	/** The GSM 03.38 default alphabet without ESC, as the spec's table lists it. */
	private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	@Test
	void anEmptyBodyIsNoSegmentAndCostsNothing() {
		SmsMeasure measure = SmsMeasurer.measure("");

		assertThat(measure.encoding()).isEqualTo(SmsEncoding.GSM_7);
		assertThat(measure.characters()).isZero();
		assertThat(measure.segments()).isZero();
		assertThat(measure.credits()).isZero();
		assertThat(measure.remainingInSegment()).isEqualTo(160);
		assertThat(SmsMeasurer.measure(null).segments()).isZero();
	}

	@Test
	void theWholeGsmBasicAlphabetStaysGsm7AtOneSeptetEach() {
		SmsMeasure measure = SmsMeasurer.measure(GSM_BASIC);

		assertThat(GSM_BASIC).hasSize(127);
		assertThat(measure.encoding()).isEqualTo(SmsEncoding.GSM_7);
		assertThat(measure.characters()).isEqualTo(127);
		assertThat(measure.unicodeCharacters()).isEmpty();
	}

	@Test
	void everyExtensionCharacterCountsTwice() {
		SmsMeasure measure = SmsMeasurer.measure("€[]{}^~|\\\f");

		assertThat(measure.encoding()).isEqualTo(SmsEncoding.GSM_7);
		assertThat(measure.characters()).isEqualTo(20);
	}

	@Test
	void gsmSingleMessageBoundary() {
		assertMeasure("a".repeat(159), SmsEncoding.GSM_7, 159, 1, 1);
		assertMeasure("a".repeat(160), SmsEncoding.GSM_7, 160, 1, 0);
		assertMeasure("a".repeat(161), SmsEncoding.GSM_7, 161, 2, 145);
	}

	@Test
	void gsmConcatenatedPartsHold153() {
		assertMeasure("a".repeat(306), SmsEncoding.GSM_7, 306, 2, 0);
		assertMeasure("a".repeat(307), SmsEncoding.GSM_7, 307, 3, 152);
	}

	@Test
	void anExtensionCharacterNearTheSingleMessageEdge() {
		assertMeasure("a".repeat(152) + "€", SmsEncoding.GSM_7, 154, 1, 6);
		assertMeasure("a".repeat(158) + "€", SmsEncoding.GSM_7, 160, 1, 0);
		assertMeasure("a".repeat(159) + "€", SmsEncoding.GSM_7, 161, 2, 145);
	}

	@Test
	void anExtensionCharacterIsNeverSplitBetweenParts() {
		// Part one takes 152 septets: the two septets of € do not fit in its last one.
		assertMeasure("a".repeat(152) + "€" + "a".repeat(151), SmsEncoding.GSM_7, 305, 2, 0);
		assertMeasure("a".repeat(152) + "€" + "a".repeat(152), SmsEncoding.GSM_7, 306, 3, 152);
		assertMeasure("a".repeat(151) + "€" + "a".repeat(153), SmsEncoding.GSM_7, 306, 2, 0);
	}

	@Test
	void oneEmojiSwitchesTheWholeMessageToUcs2() {
		SmsMeasure gsm = SmsMeasurer.measure("Hi Alex, thanks for registering!");
		SmsMeasure ucs2 = SmsMeasurer.measure("Hi Alex, thanks for registering! 🎉");

		assertThat(gsm.encoding()).isEqualTo(SmsEncoding.GSM_7);
		assertThat(gsm.characters()).isEqualTo(32);
		assertThat(ucs2.encoding()).isEqualTo(SmsEncoding.UCS_2);
		assertThat(ucs2.characters()).as("an emoji is two UTF-16 code units").isEqualTo(35);
		assertThat(ucs2.segments()).isEqualTo(1);
		assertThat(ucs2.remainingInSegment()).isEqualTo(35);
		assertThat(ucs2.unicodeCharacters()).containsExactly("🎉");
	}

	@Test
	void extensionCharactersCountOnceInUcs2() {
		assertMeasure("€ ✓", SmsEncoding.UCS_2, 3, 1, 67);
	}

	@Test
	void ucs2Boundaries() {
		assertMeasure("Ж".repeat(70), SmsEncoding.UCS_2, 70, 1, 0);
		assertMeasure("Ж".repeat(71), SmsEncoding.UCS_2, 71, 2, 63);
		assertMeasure("Ж".repeat(134), SmsEncoding.UCS_2, 134, 2, 0);
		assertMeasure("Ж".repeat(135), SmsEncoding.UCS_2, 135, 3, 66);
	}

	@Test
	void anEmojiIsNeverSplitBetweenParts() {
		assertMeasure("Ж".repeat(66) + "😀" + "Ж".repeat(65), SmsEncoding.UCS_2, 133, 2, 0);
		assertMeasure("Ж".repeat(66) + "😀" + "Ж".repeat(66), SmsEncoding.UCS_2, 134, 3, 66);
	}

	@Test
	void theDistinctCharactersThatForcedUcs2AreListedInOrder() {
		SmsMeasure measure = SmsMeasurer.measure("Café — naïve ç, café");

		assertThat(measure.encoding()).isEqualTo(SmsEncoding.UCS_2);
		assertThat(measure.unicodeCharacters()).containsExactly("—", "ï", "ç");
	}

	@Test
	void messageBirdsLimitIsNineParts() {
		SmsMeasure atLimit = SmsMeasurer.measure("a".repeat(1377));
		SmsMeasure over = SmsMeasurer.measure("a".repeat(1376) + "€");

		assertThat(atLimit.segments()).isEqualTo(9);
		assertThat(atLimit.maxCharacters()).isEqualTo(1377);
		assertThat(atLimit.tooLong()).isFalse();
		assertThat(over.characters()).isEqualTo(1378);
		assertThat(over.tooLong()).isTrue();
	}

	private static void assertMeasure(String text, SmsEncoding encoding, int characters, int segments,
			int remaining) {
		SmsMeasure measure = SmsMeasurer.measure(text);
		assertThat(measure.encoding()).as("encoding").isEqualTo(encoding);
		assertThat(measure.characters()).as("characters").isEqualTo(characters);
		assertThat(measure.segments()).as("segments").isEqualTo(segments);
		assertThat(measure.credits()).as("credits").isEqualTo(segments);
		assertThat(measure.remainingInSegment()).as("remaining in segment").isEqualTo(remaining);
	}

}
