// Lexical path helpers (no filesystem access): used for display paths and the base image builder.

/** Joins `path` to `cwd` (if relative) and normalizes '.', '..' and repeated slashes lexically. */
export function joinPath(cwd: string, path: string): string {
  const full = path.charCodeAt(0) === 47 ? path : `${cwd}/${path}`;
  return normalizePath(full);
}

/** Lexical normalization of an absolute path ('..' of '/' is '/'). */
export function normalizePath(path: string): string {
  const out: string[] = [];
  let i = 0;
  const n = path.length;
  while (i < n) {
    while (i < n && path.charCodeAt(i) === 47) i++;
    if (i >= n) break;
    let j = path.indexOf('/', i);
    if (j < 0) j = n;
    const name = path.slice(i, j);
    if (name === '..') out.pop();
    else if (name !== '.') out.push(name);
    i = j;
  }
  return `/${out.join('/')}`;
}

/** Path components of an absolute path, without '.' and '..' resolution. */
export function components(path: string): string[] {
  const out: string[] = [];
  for (const c of path.split('/')) if (c !== '' && c !== '.') out.push(c);
  return out;
}
