/** Candidates: their ATS identity and status, mobile number, SMS consent and custom fields. */
package io.recruitflow.candidate;
