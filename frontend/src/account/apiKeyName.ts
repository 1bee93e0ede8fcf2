export const API_KEY_NAME_MAX = 80;

/** Same rule as the server (1–80 characters), checked first so the user hears it at once. */
export function validateApiKeyName(raw: string): string | null {
  const name = raw.trim();
  if (name.length === 0) return 'Give the key a name, e.g. “Workday integration”.';
  if (name.length > API_KEY_NAME_MAX) return `Use at most ${API_KEY_NAME_MAX} characters (now ${name.length}).`;
  return null;
}
