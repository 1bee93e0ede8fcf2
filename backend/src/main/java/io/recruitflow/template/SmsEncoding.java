package io.recruitflow.template;

/** How an SMS body travels: the GSM 03.38 7-bit alphabet, or UCS-2 once any character needs it. */
public enum SmsEncoding {

	GSM_7, UCS_2

}
