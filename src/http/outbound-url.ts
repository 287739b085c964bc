// The one gate for an outbound URL that came from input (a callback body, a stored webhook):
// Kaopu only POSTs to origins its configuration names, so a forged body cannot point a reply at a
// host of the sender's choosing (issue 8: payroll card posted to a foreign host, blind SSRF).
import { isIP } from 'node:net';

/**
 * The URL when its origin is exactly one of `allowedOrigins`, else null. https only, no userinfo,
 * no IP literal, loopback or private host, except where the configured origin itself is one
 * (tests and staging configure local stand-ins on purpose).
 */
export function outboundUrl(raw: string, allowedOrigins: readonly string[]): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  // `https://evil.com@oapi.dingtalk.com` reads as one host to people and another to parsers.
  if (url.username !== '' || url.password !== '') return null;
  const allowed = allowedOrigins.some((origin) => sameOrigin(url, origin));
  if (!allowed) return null;
  if (url.protocol !== 'https:' && !configuredLocal(url, allowedOrigins)) return null;
  if (isInternalHost(url.hostname) && !configuredLocal(url, allowedOrigins)) return null;
  return url;
}

function sameOrigin(url: URL, configured: string): boolean {
  try {
    return new URL(configured).origin === url.origin;
  } catch {
    return false;
  }
}

// An http or internal origin passes only when the operator wrote that very origin in the config.
function configuredLocal(url: URL, allowedOrigins: readonly string[]): boolean {
  return allowedOrigins.some((origin) => {
    const configured = safeUrl(origin);
    if (!configured || configured.origin !== url.origin) return false;
    return configured.protocol !== 'https:' || isInternalHost(configured.hostname);
  });
}

function safeUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** IP literals of any kind, localhost names, and the private, loopback and link-local ranges. */
export function isInternalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
    return true;
  }
  // WHATWG URL already turned decimal, octal and hex IPv4 forms (http://2130706433) into dotted quads.
  return isIP(host) !== 0;
}
