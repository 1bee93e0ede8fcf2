/**
 * The demo data of DESIGN §7 (Acme Talent and Globex Careers), seeded once on an empty database
 * and announced with the URL and the demo logins. Demo passwords are for the embedded demo only.
 */
package io.recruitflow.demo;
