// Connector options and CREATE statements carry credentials (CDC passwords, Redis URLs with a
// password, cloud keys). Everything shown in the UI or returned by the API passes through here.

const MASK = "••••";
const SECRET_KEY = /pass(word|wd)?|secret|token|credential|access[._-]?key|private[._-]?key|api[._-]?key|sasl\.jaas|signature/i;
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^@\s/'"]+)@/gi;

/** `redis://user:pw@host` → `redis://user:••••@host`; a URL without credentials is unchanged. */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_USERINFO, (_, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(":");
    return `${scheme}${colon >= 0 ? `${userinfo.slice(0, colon)}:${MASK}` : MASK}@`;
  });
}

export const isSecretKey = (key: string) => SECRET_KEY.test(key);

export function maskOptionValue(key: string, value: string): string {
  return isSecretKey(key) ? MASK : maskUrlCredentials(value);
}

/** `WITH (password = 'x', redis.url = 'redis://:pw@h')` with the values masked. */
export function maskDefinition(definition: string): string {
  return definition.replace(/([A-Za-z_][\w.]*)(\s*=\s*)'((?:[^']|'')*)'/g, (_, key: string, equals: string, value: string) => `${key}${equals}'${maskOptionValue(key, value)}'`);
}

/** RisingWave's `{"key": {"type": "plaintext"|"secret", "value": …}}` as display strings. */
export function maskConnectorProps(props: Record<string, { type: string; value: unknown }> | null): [string, string][] {
  if (!props) return [];
  return Object.entries(props)
    .map(([key, prop]): [string, string] => {
      if (prop.type === "secret") return [key, `secret ${String((prop.value as { value?: unknown } | null)?.value ?? "")}`.trim()];
      return [key, maskOptionValue(key, String(prop.value ?? ""))];
    })
    .sort(([a], [b]) => a.localeCompare(b));
}
