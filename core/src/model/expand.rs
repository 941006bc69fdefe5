//! Variable expansion in the instructions Docker expands itself (FROM, COPY, ADD, ENV, ARG,
//! LABEL, WORKDIR, USER, VOLUME, EXPOSE, STOPSIGNAL), following BuildKit's shell lexer:
//! quotes are removed, single quotes are literal, the escape character escapes the next char,
//! and `$v ${v} ${v:-w} ${v-w} ${v:+w} ${v+w} ${v:?e} ${v?e} ${v#p} ${v##p} ${v%s} ${v%%s}
//! ${v/a/b} ${v//a/b}` are expanded. Undefined names are reported, never guessed.

/// What a lookup knows about a variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// Defined with this value.
    Value(&'a str),
    /// Declared, but its value is only known at build time (an ARG without default, a base image ENV).
    Unknown,
    /// Not defined at all.
    Undefined,
}

/// The result of expanding a word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expanded {
    pub value: String,
    /// Variables referenced but not defined, in order of appearance (each once).
    pub undefined: Vec<String>,
    /// Some part depends on a value only known at build time: `value` is incomplete.
    pub unresolved: bool,
    /// Variables referenced at all.
    pub referenced: Vec<String>,
    /// `${v:?msg}` with `v` unset/empty, or a malformed `${…}`: Docker fails the build.
    pub error: Option<String>,
}

const MAX_DEPTH: u32 = 16;

/// Expands `word` as BuildKit does for Dockerfile instructions.
pub fn expand<'a>(word: &str, escape: char, lookup: &dyn Fn(&str) -> Lookup<'a>) -> Expanded {
    // Most words hold no variable, quote or escape: nothing to do but copy them.
    // A byte scan: `contains([chars])` decodes every character, which shows in profiles.
    let special = |b: u8| matches!(b, b'$' | b'"' | b'\'') || u32::from(b) == u32::from(escape);
    let plain = if escape.is_ascii() {
        !word.bytes().any(special)
    } else {
        !word.contains(['$', '"', '\'', escape])
    };
    if plain {
        return Expanded {
            value: word.to_owned(),
            ..Expanded::default()
        };
    }
    let mut out = Expanded::default();
    let mut lx = Lexer {
        src: word,
        pos: 0,
        escape,
        lookup,
        out: &mut out,
        depth: 0,
    };
    let value = lx.process(&[], true);
    out.value = value;
    out
}

/// Expands without removing quotes (used for ENV/LABEL values where quotes are part of the text
/// BuildKit keeps, when only variable names matter).
pub fn referenced_names(word: &str, escape: char) -> Vec<String> {
    expand(word, escape, &|_| Lookup::Unknown).referenced
}

/// Reads `src` by bytes: every character the syntax gives meaning to is ASCII, so runs of
/// other text are copied as slices (the lexer once read a vector of chars, one push each).
struct Lexer<'c, 'l, 'o, 'a> {
    src: &'c str,
    /// A byte offset, always on a char boundary.
    pos: usize,
    escape: char,
    lookup: &'l dyn Fn(&str) -> Lookup<'a>,
    out: &'o mut Expanded,
    depth: u32,
}

impl Lexer<'_, '_, '_, '_> {
    fn peek(&self) -> Option<char> {
        let b = *self.src.as_bytes().get(self.pos)?;
        if b.is_ascii() {
            Some(char::from(b))
        } else {
            self.src.get(self.pos..)?.chars().next()
        }
    }

    /// Steps over `c`, the char at `pos`.
    fn bump(&mut self, c: char) {
        self.pos += c.len_utf8();
    }

    /// The end of the run of text from `pos` with no quote, `$`, escape char or `stops`
    /// char in it (it ends before an ASCII byte, so on a char boundary).
    fn plain_run_end(&self, stops: &[char]) -> usize {
        let bytes = self.src.as_bytes();
        let escape = self.escape;
        let mut end = self.pos;
        while let Some(&b) = bytes.get(end) {
            let special = if b.is_ascii() {
                let c = char::from(b);
                matches!(c, '\'' | '"' | '$') || c == escape || stops.contains(&c)
            } else {
                // A non-ASCII escape char is compared char by char.
                !escape.is_ascii()
            };
            if special {
                break;
            }
            end += 1;
        }
        end
    }

    /// Reads until one of `stops` (unquoted) or the end; returns the processed text.
    fn process(&mut self, stops: &[char], top: bool) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if stops.contains(&c) {
                break;
            }
            match c {
                '\'' if top || self.depth > 0 => {
                    self.bump(c);
                    let rest = self.src.get(self.pos..).unwrap_or_default();
                    let len = rest.find('\'').unwrap_or(rest.len());
                    s.push_str(rest.get(..len).unwrap_or_default());
                    // Past the closing quote, if there is one.
                    self.pos = (self.pos + len + 1).min(self.src.len());
                }
                '"' => {
                    self.bump(c);
                    while let Some(q) = self.peek() {
                        self.bump(q);
                        if q == '"' {
                            break;
                        }
                        if q == self.escape {
                            match self.peek() {
                                Some(n @ ('"' | '$')) => {
                                    self.bump(n);
                                    s.push(n);
                                }
                                Some(n) if n == self.escape => {
                                    self.bump(n);
                                    s.push(n);
                                }
                                _ => s.push(q),
                            }
                        } else if q == '$' {
                            s.push_str(&self.dollar());
                        } else {
                            s.push(q);
                        }
                    }
                }
                '$' => {
                    self.bump(c);
                    s.push_str(&self.dollar());
                }
                c if c == self.escape => {
                    self.bump(c);
                    if let Some(n) = self.peek() {
                        self.bump(n);
                        s.push(n);
                    }
                }
                c => {
                    // This char and the plain text after it, in one copy.
                    let start = self.pos;
                    self.bump(c);
                    let end = self.plain_run_end(stops).max(self.pos);
                    s.push_str(self.src.get(start..end).unwrap_or_default());
                    self.pos = end;
                }
            }
        }
        s
    }

    fn note(&mut self, name: &str) -> Option<String> {
        if !self.out.referenced.iter().any(|n| n == name) {
            self.out.referenced.push(name.to_owned());
        }
        match (self.lookup)(name) {
            Lookup::Value(v) => Some(v.to_owned()),
            Lookup::Unknown => {
                self.out.unresolved = true;
                None
            }
            Lookup::Undefined => {
                if !self.out.undefined.iter().any(|n| n == name) {
                    self.out.undefined.push(name.to_owned());
                }
                Some(String::new())
            }
        }
    }

    /// After a `$`.
    fn dollar(&mut self) -> String {
        match self.peek() {
            Some('{') => {
                self.pos += 1;
                self.braced()
            }
            Some(c) if c.is_ascii_alphabetic() || c == '_' => {
                let start = self.pos;
                while self
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    self.pos += 1;
                }
                let name = self.src.get(start..self.pos).unwrap_or_default();
                self.note(name).unwrap_or_default()
            }
            Some(c) if c.is_ascii_digit() => {
                // Positional parameters are always empty in Dockerfiles.
                self.pos += 1;
                String::new()
            }
            _ => "$".to_owned(),
        }
    }

    /// After `${`.
    fn braced(&mut self) -> String {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.pos += 1;
        }
        let name = self.src.get(start..self.pos).unwrap_or_default().to_owned();
        if name.is_empty() {
            self.out.error.get_or_insert_with(|| {
                "bad substitution: `${` must be followed by a variable name".into()
            });
            self.skip_to_brace();
            return String::new();
        }
        let value = self.note(&name);
        let set = value.is_some() || !matches!((self.lookup)(&name), Lookup::Undefined);
        let known = value.clone();
        let op: String = match self.peek() {
            Some('}') => {
                self.pos += 1;
                return value.unwrap_or_default();
            }
            Some(':') => {
                self.pos += 1;
                match self.peek() {
                    Some(c @ ('-' | '+' | '?')) => {
                        self.pos += 1;
                        format!(":{c}")
                    }
                    _ => {
                        self.out.error.get_or_insert_with(|| {
                            format!("unsupported modifier in `${{{name}:…}}`")
                        });
                        self.skip_to_brace();
                        return String::new();
                    }
                }
            }
            Some(c @ ('-' | '+' | '?')) => {
                self.pos += 1;
                c.to_string()
            }
            Some(c @ ('#' | '%')) => {
                self.pos += 1;
                if self.peek() == Some(c) {
                    self.pos += 1;
                    format!("{c}{c}")
                } else {
                    c.to_string()
                }
            }
            Some('/') => {
                self.pos += 1;
                if self.peek() == Some('/') {
                    self.pos += 1;
                    "//".into()
                } else {
                    "/".into()
                }
            }
            _ => {
                self.out
                    .error
                    .get_or_insert_with(|| format!("unsupported modifier in `${{{name}…}}`"));
                self.skip_to_brace();
                return String::new();
            }
        };
        // The word after the operator may itself contain expansions.
        let word = if self.depth >= MAX_DEPTH {
            self.skip_to_brace_raw()
        } else {
            self.depth += 1;
            let stops: &[char] = if op.starts_with('/') {
                &['/', '}']
            } else {
                &['}']
            };
            let w = self.process(stops, false);
            self.depth -= 1;
            w
        };
        let replacement = if op.starts_with('/') && self.peek() == Some('/') {
            self.pos += 1;
            self.depth += 1;
            let r = if self.depth > MAX_DEPTH {
                self.skip_to_brace_raw()
            } else {
                self.process(&['}'], false)
            };
            self.depth -= 1;
            Some(r)
        } else {
            None
        };
        if self.peek() == Some('}') {
            self.pos += 1;
        } else {
            self.out
                .error
                .get_or_insert_with(|| format!("missing `}}` after `${{{name}`"));
        }
        let non_empty = known.as_deref().is_some_and(|v| !v.is_empty());
        // Pattern operators are quadratic in the worst case: leave huge values alone.
        if matches!(op.as_str(), "#" | "##" | "%" | "%%" | "/" | "//")
            && known.as_deref().is_some_and(|v| v.len() > 4096)
        {
            self.out.unresolved = true;
            return known.unwrap_or_default();
        }
        match op.as_str() {
            ":-" => {
                if non_empty {
                    known.unwrap_or_default()
                } else if value.is_none() && set {
                    // Unknown at lint time: either value is possible.
                    word
                } else {
                    self.forget_undefined(&name);
                    word
                }
            }
            "-" => {
                if set {
                    known.unwrap_or_default()
                } else {
                    self.forget_undefined(&name);
                    word
                }
            }
            ":+" => {
                if non_empty {
                    word
                } else {
                    self.forget_undefined(&name);
                    String::new()
                }
            }
            "+" => {
                self.forget_undefined(&name);
                if set { word } else { String::new() }
            }
            ":?" | "?" => {
                let missing = if op == ":?" {
                    !non_empty && value.is_some() || !set
                } else {
                    !set
                };
                if missing {
                    self.out.error.get_or_insert_with(|| {
                        if word.is_empty() {
                            format!("{name} is not set")
                        } else {
                            format!("{name}: {word}")
                        }
                    });
                }
                known.unwrap_or_default()
            }
            "#" | "##" => {
                let v = known.unwrap_or_default();
                strip_prefix_glob(&v, &word, op == "##").to_owned()
            }
            "%" | "%%" => {
                let v = known.unwrap_or_default();
                strip_suffix_glob(&v, &word, op == "%%").to_owned()
            }
            _ => {
                let v = known.unwrap_or_default();
                replace_glob(&v, &word, replacement.as_deref().unwrap_or(""), op == "//")
            }
        }
    }

    fn forget_undefined(&mut self, name: &str) {
        self.out.undefined.retain(|n| n != name);
    }

    fn skip_to_brace(&mut self) {
        let _ = self.skip_to_brace_raw();
        if self.peek() == Some('}') {
            self.pos += 1;
        }
    }

    /// Skips to the matching `}` without recursion; returns the skipped text.
    fn skip_to_brace_raw(&mut self) -> String {
        let mut depth = 0usize;
        let start = self.pos;
        let bytes = self.src.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if b == b'}' {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if b == b'{' {
                depth += 1;
            }
            self.pos += 1;
        }
        self.src.get(start..self.pos).unwrap_or_default().to_owned()
    }
}

/// Shell glob match of `pattern` against all of `text` (`*`, `?`, literal otherwise).
/// Iterative with backtracking on the last `*`: linear-ish, no recursion.
fn glob_match(pattern: &[char], text: &[char]) -> bool {
    let (mut p, mut t) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some(p);
            mark = t;
            p += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            t = mark;
        } else {
            return false;
        }
    }
    while p < pattern.len() && pattern[p] == '*' {
        p += 1;
    }
    p == pattern.len()
}

fn char_boundaries(v: &str) -> Vec<usize> {
    v.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(v.len()))
        .collect()
}

fn strip_prefix_glob<'v>(v: &'v str, pattern: &str, longest: bool) -> &'v str {
    let pat: Vec<char> = pattern.chars().collect();
    let bounds = char_boundaries(v);
    let mut candidates: Box<dyn Iterator<Item = &usize>> = if longest {
        Box::new(bounds.iter().rev())
    } else {
        Box::new(bounds.iter())
    };
    candidates
        .find(|&&i| glob_match(&pat, &v[..i].chars().collect::<Vec<_>>()))
        .map_or(v, |&i| &v[i..])
}

fn strip_suffix_glob<'v>(v: &'v str, pattern: &str, longest: bool) -> &'v str {
    let pat: Vec<char> = pattern.chars().collect();
    let bounds = char_boundaries(v);
    let mut candidates: Box<dyn Iterator<Item = &usize>> = if longest {
        Box::new(bounds.iter())
    } else {
        Box::new(bounds.iter().rev())
    };
    candidates
        .find(|&&i| glob_match(&pat, &v[i..].chars().collect::<Vec<_>>()))
        .map_or(v, |&i| &v[..i])
}

fn replace_glob(v: &str, pattern: &str, with: &str, all: bool) -> String {
    if pattern.is_empty() {
        return v.to_owned();
    }
    let pat: Vec<char> = pattern.chars().collect();
    let chars: Vec<char> = v.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut replaced = false;
    while i < chars.len() {
        if !replaced || all {
            // Longest match starting at i.
            if let Some(end) = (i + 1..=chars.len())
                .rev()
                .find(|&e| glob_match(&pat, &chars[i..e]))
            {
                out.push_str(with);
                i = end;
                replaced = true;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Lookup<'static> {
        match name {
            "TAG" => Lookup::Value("1.2.3"),
            "EMPTY" => Lookup::Value(""),
            "PATHV" => Lookup::Value("/usr/local/bin/app"),
            "LATER" => Lookup::Unknown,
            _ => Lookup::Undefined,
        }
    }

    fn x(word: &str) -> Expanded {
        expand(word, '\\', &env)
    }

    #[test]
    fn simple_and_braced() {
        assert_eq!(x("node:$TAG").value, "node:1.2.3");
        assert_eq!(x("node:${TAG}-slim").value, "node:1.2.3-slim");
        let e = x("${NOPE}/x");
        assert_eq!(
            (e.value.as_str(), e.undefined.as_slice()),
            ("/x", ["NOPE".to_owned()].as_slice())
        );
    }

    #[test]
    fn modifiers() {
        assert_eq!(x("${NOPE:-def}").value, "def");
        assert!(x("${NOPE:-def}").undefined.is_empty());
        assert_eq!(x("${EMPTY:-def}").value, "def");
        assert_eq!(x("${EMPTY-def}").value, "");
        assert_eq!(x("${TAG:+set}").value, "set");
        assert_eq!(x("${NOPE:+set}").value, "");
        assert!(x("${NOPE:?must be set}").error.is_some());
        assert_eq!(x("${PATHV##*/}").value, "app");
        assert_eq!(x("${PATHV#*/}").value, "usr/local/bin/app");
        assert_eq!(x("${PATHV%/*}").value, "/usr/local/bin");
        assert_eq!(x("${PATHV%%/*}").value, "");
        assert_eq!(x("${TAG/./-}").value, "1-2.3");
        assert_eq!(x("${TAG//./-}").value, "1-2-3");
        assert_eq!(x("${NOPE:-${TAG}}").value, "1.2.3");
    }

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(x(r#""a $TAG" '$TAG' \$TAG"#).value, "a 1.2.3 $TAG $TAG");
        assert!(x("$LATER").unresolved);
    }

    #[test]
    fn hostile_nesting_is_bounded() {
        let deep = "${A:-".repeat(10_000) + &"}".repeat(10_000);
        let e = x(&deep);
        assert!(e.value.len() <= deep.len());
        let bad = "${".repeat(50_000);
        let _ = x(&bad);
    }
}
