/** Chat message templates: bodies with merge fields, rendering, and SMS segment and cost measuring. */
package io.recruitflow.template;
