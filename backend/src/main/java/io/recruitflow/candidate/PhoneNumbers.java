package io.recruitflow.candidate;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Reads the phone numbers people type ("0412 345 678", "+61 412 345 678") into E.164 with
 * libphonenumber, using the account's country for numbers without a country code.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/** The outcome of reading a number: its E.164 form, or why it cannot be texted. */
	public record Parsed(String e164, String problem) {

		public boolean valid() {
			return this.e164 != null;
		}

	}

	public static Parsed parse(String raw, String defaultRegion) {
		if (raw == null || raw.isBlank()) {
			return new Parsed(null, "no mobile number");
		}
		try {
			PhoneNumber number = UTIL.parse(raw.trim(), defaultRegion);
			if (!UTIL.isValidNumber(number)) {
				return new Parsed(null, "mobile '" + raw.trim() + "' is not a valid phone number");
			}
			PhoneNumberType type = UTIL.getNumberType(number);
			if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
				return new Parsed(null, "'" + raw.trim() + "' is not a mobile number, so it cannot receive SMS");
			}
			return new Parsed(UTIL.format(number, PhoneNumberFormat.E164), null);
		}
		catch (NumberParseException ex) {
			return new Parsed(null, "mobile '" + raw.trim() + "' is not a valid phone number");
		}
	}

	/** The E.164 form of any valid number (mobile or not), e.g. for the recipient of an inbound SMS. */
	public static Optional<String> toE164(String raw, String defaultRegion) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		try {
			String text = raw.trim();
			// MessageBird writes numbers without the leading '+'.
			if (text.chars().allMatch(Character::isDigit) && text.length() > 10) {
				text = "+" + text;
			}
			PhoneNumber number = UTIL.parse(text, defaultRegion);
			return UTIL.isValidNumber(number) ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
					: Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

}
