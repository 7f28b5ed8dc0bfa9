/**
 * The one way a connection URL goes into a message or a log line: scheme, user name, hosts, path and query stay
 * (they say which server and database were meant), the password is dropped, and query parameters that carry
 * credentials (`password=`, `token=`, …) show `***`. Parsed by hand rather than with `new URL` because MongoDB and
 * KurrentDB URLs may list several hosts (`mongodb://a:27017,b:27017/par`), which WHATWG URLs refuse. Anything that
 * does not look like `scheme://…` is not echoed at all.
 */
const SECRET_PARAMETERS = /^(password|passwd|pwd|pass|secret|token|access_?token|api_?key|sslpassword|sslkey)$/i;

export const UNPARSEABLE_URL = '<unparseable URL>';

export function redactUrl(url: string): string {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(url)?.[0];
  if (scheme === undefined) return UNPARSEABLE_URL;
  // The credentials end at the last '@' anywhere: people paste passwords with unescaped '/', '?', '#' or '@', and
  // cutting too much from a message is better than showing part of a password.
  const afterScheme = url.slice(scheme.length);
  const at = afterScheme.lastIndexOf('@');
  const name = at === -1 ? '' : afterScheme.slice(0, at).split(':')[0];
  const user = /^[^/?#]+$/.test(name) ? `${name}@` : '';
  const [, hostsAndPath, query] = /^([^?#]*)(\?[^#]*)?/s.exec(afterScheme.slice(at + 1)) as RegExpExecArray;
  return `${scheme}${user}${hostsAndPath}${query === undefined ? '' : redactQuery(query)}`;
}

function redactQuery(query: string): string {
  const parameters = query
    .slice(1)
    .split('&')
    .map((parameter) => {
      const eq = parameter.indexOf('=');
      if (eq === -1) return parameter;
      const name = parameter.slice(0, eq);
      return SECRET_PARAMETERS.test(decodeOrKeep(name)) ? `${name}=***` : parameter;
    });
  return `?${parameters.join('&')}`;
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
