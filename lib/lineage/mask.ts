// Connector options and CREATE statements carry credentials (CDC passwords, Redis URLs with a
// password, cloud keys). Everything shown in the UI or returned by the API passes through here.

export const MASK = "••••";
const SECRET_WORDS =
  "pass(?:word|wd)?|pwd|secret|token|credential|access[._-]?key|private[._-]?key|api[._-]?key|sasl\\.jaas|signature|service[._-]?account|\\bpem\\b|\\.pem$|keystore|truststore";
const SECRET_KEY = new RegExp(SECRET_WORDS, "i");
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^@\s/'"]+)@/gi;
/** `?password=x` / `;password=x` / `&token=x` inside a URL or a JDBC string. */
const URL_SECRET_PARAM = /([?&;](?:[\w.-]*(?:pass(?:word|wd)?|pwd|secret|token|key|signature|credential)[\w.-]*)=)([^&;'"\s]*)/gi;

/** `redis://user:pw@host` → `redis://user:••••@host`, `jdbc:…?password=pw` → `password=••••`; other text is unchanged. */
export function maskUrlCredentials(text: string): string {
  return text
    .replace(URL_USERINFO, (_, scheme: string, userinfo: string) => {
      const colon = userinfo.indexOf(":");
      return `${scheme}${colon >= 0 ? `${userinfo.slice(0, colon)}:${MASK}` : MASK}@`;
    })
    .replace(URL_SECRET_PARAM, (_, name: string) => `${name}${MASK}`);
}

export const isSecretKey = (key: string) => SECRET_KEY.test(key);

export function maskOptionValue(key: string, value: string): string {
  return isSecretKey(key) ? MASK : maskUrlCredentials(value);
}

/**
 * `WITH (password = 'x', "s3.secret" = E'y', redis.url = 'redis://:pw@h')` with the values masked:
 * bare and double-quoted option names, plain and E'…' (backslash-escaped) literals.
 */
export function maskDefinition(definition: string): string {
  return definition.replace(
    /([A-Za-z_][\w.]*|"(?:[^"]|"")+")(\s*=\s*)(E'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*')/g,
    (_, key: string, equals: string, literal: string) => {
      const name = key.startsWith('"') ? key.slice(1, -1).replaceAll('""', '"') : key;
      const escaped = literal.startsWith("E");
      const value = literal.slice(escaped ? 2 : 1, -1);
      return `${key}${equals}${escaped ? "E" : ""}'${maskOptionValue(name, value)}'`;
    },
  );
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
