package io.recruitflow.candidate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "0412 345 678", "+61 412 345 678", "+61412345678", "(04) 1234-5678", " 0412345678 " })
	void localAndInternationalFormsBecomeE164(String typed) {
		assertThat(PhoneNumbers.parse(typed, "AU").e164()).isEqualTo("+61412345678");
	}

	@Test
	void aNumberWithItsOwnCountryCodeKeepsIt() {
		assertThat(PhoneNumbers.parse("+44 7911 123456", "AU").e164()).isEqualTo("+447911123456");
	}

	@Test
	void aTruncatedNumberIsRejectedWithTheTypedText() {
		var parsed = PhoneNumbers.parse("+61 4", "AU");

		assertThat(parsed.valid()).isFalse();
		assertThat(parsed.problem()).isEqualTo("mobile '+61 4' is not a valid phone number");
	}

	@Test
	void lettersAreRejected() {
		assertThat(PhoneNumbers.parse("call me maybe", "AU").valid()).isFalse();
	}

	@Test
	void aLandlineCannotReceiveSms() {
		var parsed = PhoneNumbers.parse("02 9374 4000", "AU");

		assertThat(parsed.valid()).isFalse();
		assertThat(parsed.problem()).contains("is not a mobile number");
	}

	@Test
	void aMissingNumberSaysSo() {
		assertThat(PhoneNumbers.parse("  ", "AU").problem()).isEqualTo("no mobile number");
	}

	@Test
	void messageBirdsDigitsOnlyFormIsRead() {
		assertThat(PhoneNumbers.toE164("61480000001", "AU")).contains("+61480000001");
		assertThat(PhoneNumbers.toE164("12", "AU")).isEmpty();
	}

}
