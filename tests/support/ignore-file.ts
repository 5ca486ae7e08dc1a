/**
 * The gitignore rules a `.webappignore` is read with, as far as that file uses them: blank lines
 * and `#` comments, `!` re-includes, a leading or inner `/` anchors a pattern to the folder, a
 * trailing `/` means a folder, `*` stays within one path segment and `**` spans several. The last
 * matching pattern wins, and nothing inside an excluded folder can be re-included.
 */
interface Rule {
  negate: boolean;
  folderOnly: boolean;
  regex: RegExp;
}

function toRegex(glob: string, anchored: boolean): RegExp {
  let body = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` is any number of folders, a trailing `**` everything below.
      body += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') body += '[^/]*';
    else if (c === '?') body += '[^/]';
    else body += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}$`);
}

export function parseIgnoreFile(text: string): Rule[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      let glob = negate ? line.slice(1) : line;
      const folderOnly = glob.endsWith('/');
      if (folderOnly) glob = glob.slice(0, -1);
      const anchored = glob.includes('/');
      return { negate, folderOnly, regex: toRegex(glob.replace(/^\//, ''), anchored) };
    });
}

function matches(rules: Rule[], path: string, isFolder: boolean): boolean | undefined {
  let result: boolean | undefined;
  for (const rule of rules) {
    if (rule.folderOnly && !isFolder) continue;
    if (rule.regex.test(path)) result = !rule.negate;
  }
  return result;
}

/** Whether a file (a path relative to the project folder, `/`-separated) is left out. */
export function isIgnored(rules: Rule[], file: string): boolean {
  const parts = file.split('/');
  for (let i = 1; i < parts.length; i++) {
    if (matches(rules, parts.slice(0, i).join('/'), true)) return true;
  }
  return matches(rules, file, false) ?? false;
}
