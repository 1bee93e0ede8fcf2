/** Web campaigns and their calls-to-action (CTAs), which workflows are triggered by. */
package io.recruitflow.campaign;
