/** Where an API is served, as read from its definition. */
export interface ApiServer {
  /** The host as written, lower case; `{variables}` kept. */
  host: string;
  /** The path prefix of the server URL, without a trailing slash; may be empty. */
  basePath: string;
}

/**
 * Reads the servers of an API definition: OpenAPI 3 `servers[].url` and Swagger 2
 * `host` + `basePath`, from JSON or from YAML written in block or flow style.
 * Relative server URLs (which carry no host) are left out.
 */
export function readApiServers(definition: string): ApiServer[] {
  const json = tryJson(definition);
  const urls = json ? readJsonUrls(json) : readYamlUrls(definition);
  const servers: ApiServer[] = [];
  for (const url of urls) {
    const server = parseServerUrl(url);
    if (
      server &&
      !servers.some(
        s => s.host === server.host && s.basePath === server.basePath,
      )
    ) {
      servers.push(server);
    }
  }
  return servers;
}

function tryJson(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith('{')) {
    return undefined;
  }
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

function readJsonUrls(json: Record<string, unknown>): string[] {
  const urls: string[] = [];
  if (Array.isArray(json.servers)) {
    for (const server of json.servers) {
      if (server && typeof server.url === 'string') {
        urls.push(server.url);
      }
    }
  }
  if (typeof json.host === 'string') {
    const basePath = typeof json.basePath === 'string' ? json.basePath : '';
    urls.push(`https://${json.host}${basePath}`);
  }
  return urls;
}

function readYamlUrls(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const urls: string[] = [];
  let host: string | undefined;
  let basePath = '';
  for (let i = 0; i < lines.length; i++) {
    const top = /^([A-Za-z_$][\w$-]*)\s*:\s*(.*)$/.exec(lines[i]);
    if (!top) {
      continue;
    }
    const [, key, rest] = top;
    if (key === 'host') {
      host = scalar(rest);
    } else if (key === 'basePath') {
      basePath = scalar(rest);
    } else if (key === 'servers') {
      urls.push(...readServersBlock(rest, lines, i + 1));
    }
  }
  if (host) {
    urls.push(`https://${host}${basePath}`);
  }
  return urls;
}

/** Reads `servers:` written as a flow sequence or as a block sequence of maps. */
function readServersBlock(
  rest: string,
  lines: string[],
  from: number,
): string[] {
  const inline = stripComment(rest);
  if (inline.startsWith('[')) {
    return [...inline.matchAll(/url\s*:\s*("[^"]*"|'[^']*'|[^,}\s]+)/g)].map(
      m => scalar(m[1]),
    );
  }
  const urls: string[] = [];
  let itemIndent: number | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || /^\s*#/.test(line)) {
      continue;
    }
    if (/^\S/.test(line) && !line.startsWith('-')) {
      break;
    }
    // Treat "- " as indentation, so that a map's keys line up whether or not they
    // open a list item.
    const item = /^(\s*)(-\s+)?(.*)$/.exec(line)!;
    const indent = item[1].length + (item[2]?.length ?? 0);
    if (item[2] && itemIndent === undefined) {
      itemIndent = indent;
    }
    const url = /^url\s*:\s*(.+)$/.exec(item[3]);
    if (url && indent === itemIndent) {
      urls.push(scalar(url[1]));
    }
  }
  return urls;
}

function stripComment(text: string): string {
  return text.replace(/\s+#.*$/, '').trim();
}

function scalar(text: string): string {
  const value = stripComment(text);
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}

function parseServerUrl(url: string): ApiServer | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)([^?#]*)/i.exec(url.trim());
  if (!match) {
    return undefined;
  }
  const authority = match[1].replace(/^.*@/, '');
  const host = authority.replace(/:[^:\]]*$/, '').toLowerCase();
  if (!host) {
    return undefined;
  }
  return { host, basePath: match[2].replace(/\/+$/, '') };
}

/**
 * Whether a called host is the server's host. Server variables such as `{region}`
 * match one DNS label.
 */
export function serverHostMatches(server: ApiServer, host: string): boolean {
  const called = host.trim().toLowerCase().replace(/:\d+$/, '');
  if (!server.host.includes('{')) {
    return server.host === called;
  }
  const pattern = server.host
    .split(/(\{[^}]*\})/)
    .map(part =>
      part.startsWith('{')
        ? '[^.]+'
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${pattern}$`).test(called);
}
