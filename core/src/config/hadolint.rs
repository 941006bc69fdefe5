//! hadolint configuration compatibility: a YAML-subset parser (block mappings, block and
//! flow sequences, plain and quoted scalars, comments) with positioned errors, hadolint's
//! keys and `HADOLINT_*` environment variables, and the conversion to a Stowage [`Config`]
//! that extends the `hadolint` preset.
//!
//! The core does no IO: callers hand over the file's text and the environment as data.

use crate::util::VecMap;

use crate::diagnostic::Severity;

use super::{Config, ConfigError, LabelFormat, Selector};

/// A YAML node with the byte range it came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Yaml {
    Scalar(String, (usize, usize)),
    Seq(Vec<Yaml>, (usize, usize)),
    Map(Vec<(String, (usize, usize), Yaml)>, (usize, usize)),
    Null((usize, usize)),
}

impl Yaml {
    #[must_use]
    pub const fn span(&self) -> (usize, usize) {
        match self {
            Self::Scalar(_, s) | Self::Seq(_, s) | Self::Map(_, s) | Self::Null(s) => *s,
        }
    }

    const fn kind(&self) -> &'static str {
        match self {
            Self::Scalar(..) => "a scalar",
            Self::Seq(..) => "a list",
            Self::Map(..) => "a mapping",
            Self::Null(_) => "nothing",
        }
    }
}

fn err(message: impl Into<String>, span: (usize, usize)) -> ConfigError {
    let mut e = ConfigError::new(message);
    e.span = Some(span);
    e
}

/// One significant line: indentation, content (comment removed, trimmed end), offsets.
#[derive(Clone, Debug)]
struct Line {
    indent: usize,
    text: String,
    /// Byte offset of `text` in the file.
    at: usize,
}

/// Parses the YAML subset hadolint configurations use.
///
/// # Errors
/// On tabs in indentation, bad indentation, unclosed quotes or brackets, block scalars and
/// anchors (unsupported), each with its byte span.
pub fn parse_yaml(text: &str) -> Result<Yaml, ConfigError> {
    let mut lines = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = at;
        at += raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start_matches(' ').len();
        let rest = &body[indent..];
        if rest.starts_with('\t') {
            return Err(err(
                "tabs are not allowed in YAML indentation",
                (line_start + indent, line_start + indent + 1),
            ));
        }
        let content = strip_comment(rest).trim_end();
        if content.is_empty() || content == "---" || content == "..." {
            continue;
        }
        if content.starts_with('%') {
            continue;
        }
        lines.push(Line {
            indent,
            text: content.to_owned(),
            at: line_start + indent,
        });
    }
    let mut p = Parser { lines, pos: 0 };
    if p.lines.is_empty() {
        return Ok(Yaml::Map(Vec::new(), (0, 0)));
    }
    let indent = p.lines[0].indent;
    let node = p.block(indent)?;
    if let Some(l) = p.lines.get(p.pos) {
        return Err(err("unexpected indentation", (l.at, l.at + l.text.len())));
    }
    Ok(node)
}

/// Removes a `#` comment that is outside quotes and starts a word.
fn strip_comment(s: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev_space = true;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '#' && prev_space => return &s[..i],
            None if (c == '"' || c == '\'') && prev_space_or_start(s, i) => quote = Some(c),
            None => {}
        }
        prev_space = c == ' ' || c == '\t';
    }
    s
}

fn prev_space_or_start(s: &str, i: usize) -> bool {
    let before = s[..i].trim_end();
    i == 0 || before.ends_with([':', '-', '[', ',', '{']) || before.is_empty()
}

struct Parser {
    lines: Vec<Line>,
    pos: usize,
}

impl Parser {
    fn block(&mut self, indent: usize) -> Result<Yaml, ConfigError> {
        let Some(first) = self.lines.get(self.pos).cloned() else {
            return Ok(Yaml::Null((0, 0)));
        };
        if is_seq_item(&first.text) {
            return self.sequence(indent);
        }
        if split_key(&first.text).is_some() {
            return self.mapping(indent);
        }
        self.pos += 1;
        inline(&first.text, first.at)
    }

    fn sequence(&mut self, indent: usize) -> Result<Yaml, ConfigError> {
        let start = self.lines.get(self.pos).map_or(0, |l| l.at);
        let mut items = Vec::new();
        let mut end = start;
        while let Some(line) = self.lines.get(self.pos).cloned() {
            if line.indent != indent || !is_seq_item(&line.text) {
                if line.indent > indent {
                    return Err(err(
                        "unexpected indentation in a list",
                        (line.at, line.at + line.text.len()),
                    ));
                }
                break;
            }
            let after = &line.text[1..];
            let content = after.trim_start();
            if content.is_empty() {
                self.pos += 1;
                match self.lines.get(self.pos) {
                    Some(next) if next.indent > indent => {
                        let ni = next.indent;
                        items.push(self.block(ni)?);
                    }
                    _ => items.push(Yaml::Null((line.at, line.at + 1))),
                }
            } else {
                // `- key: value` starts a mapping whose keys are indented to the content.
                let offset = 1 + after.len() - content.len();
                self.lines[self.pos] = Line {
                    indent: indent + offset,
                    text: content.to_owned(),
                    at: line.at + offset,
                };
                items.push(self.block(indent + offset)?);
            }
            end = items.last().map_or(end, |i| i.span().1);
        }
        Ok(Yaml::Seq(items, (start, end)))
    }

    fn mapping(&mut self, indent: usize) -> Result<Yaml, ConfigError> {
        let start = self.lines.get(self.pos).map_or(0, |l| l.at);
        let mut entries: Vec<(String, (usize, usize), Yaml)> = Vec::new();
        let mut end = start;
        while let Some(line) = self.lines.get(self.pos).cloned() {
            if line.indent < indent {
                break;
            }
            if line.indent > indent {
                return Err(err(
                    "unexpected indentation",
                    (line.at, line.at + line.text.len()),
                ));
            }
            if is_seq_item(&line.text) {
                break;
            }
            let Some((_, key_end, rest_at)) = split_key(&line.text) else {
                return Err(err(
                    "expected `key: value`",
                    (line.at, line.at + line.text.len()),
                ));
            };
            let key_span = (line.at, line.at + key_end);
            let key = unquote(&line.text[..key_end], line.at)?;
            if entries.iter().any(|(k, _, _)| *k == key) {
                return Err(err(format!("duplicate key `{key}`"), key_span));
            }
            let rest = line.text[rest_at..].trim();
            self.pos += 1;
            let value = if rest.is_empty() {
                match self.lines.get(self.pos) {
                    Some(next) if next.indent > indent => {
                        let ni = next.indent;
                        self.block(ni)?
                    }
                    Some(next) if next.indent == indent && is_seq_item(&next.text) => {
                        self.sequence(indent)?
                    }
                    _ => Yaml::Null((key_span.1, key_span.1)),
                }
            } else {
                let rest_off = line.at + line.text.len() - line.text[rest_at..].trim_start().len();
                inline(rest, rest_off)?
            };
            end = value.span().1.max(key_span.1);
            entries.push((key, key_span, value));
        }
        Ok(Yaml::Map(entries, (start, end)))
    }
}

fn is_seq_item(t: &str) -> bool {
    t == "-" || t.starts_with("- ")
}

/// `key: rest` → (key text end, rest start). The key may be quoted.
fn split_key(t: &str) -> Option<(String, usize, usize)> {
    let key_end = if t.starts_with(['"', '\'']) {
        let q = t.chars().next()?;
        let close = t[1..].find(q)? + 2;
        if !t[close..].starts_with(':') {
            return None;
        }
        close
    } else {
        if t.starts_with(['[', '{']) {
            return None;
        }
        let mut found = None;
        for (i, c) in t.char_indices() {
            if c == ':' && (t[i + 1..].is_empty() || t[i + 1..].starts_with(' ')) {
                found = Some(i);
                break;
            }
        }
        found?
    };
    Some((t[..key_end].to_owned(), key_end, key_end + 1))
}

fn unquote(s: &str, at: usize) -> Result<String, ConfigError> {
    let s = s.trim();
    let span = (at, at + s.len());
    if let Some(body) = s.strip_prefix('\'') {
        let Some(body) = body.strip_suffix('\'') else {
            return Err(err("unclosed single quote", span));
        };
        return Ok(body.replace("''", "'"));
    }
    if let Some(body) = s.strip_prefix('"') {
        let Some(body) = body.strip_suffix('"') else {
            return Err(err("unclosed double quote", span));
        };
        let mut out = String::new();
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some(o) => out.push(o),
                    None => return Err(err("dangling `\\` in a double-quoted string", span)),
                }
            } else {
                out.push(c);
            }
        }
        return Ok(out);
    }
    if s.starts_with(['|', '>']) {
        return Err(err(
            "block scalars (`|`, `>`) are not supported here; write the value on one line",
            span,
        ));
    }
    if s.starts_with(['&', '*', '!']) {
        return Err(err(
            "anchors, aliases and tags are not supported here",
            span,
        ));
    }
    Ok(s.to_owned())
}

/// A value on one line: a flow sequence/mapping or a scalar.
fn inline(s: &str, at: usize) -> Result<Yaml, ConfigError> {
    let s_trim = s.trim();
    let span = (at, at + s_trim.len());
    if s_trim.starts_with('[') || s_trim.starts_with('{') {
        let mut i = 0;
        let node = flow(s_trim, &mut i, at)?;
        skip_ws(s_trim, &mut i);
        if i < s_trim.len() {
            return Err(err(
                "unexpected text after the closing bracket",
                (at + i, span.1),
            ));
        }
        return Ok(node);
    }
    if s_trim == "~" || s_trim == "null" {
        return Ok(Yaml::Null(span));
    }
    Ok(Yaml::Scalar(unquote(s_trim, at)?, span))
}

fn skip_ws(s: &str, i: &mut usize) {
    while s[*i..].starts_with(' ') {
        *i += 1;
    }
}

fn flow(s: &str, i: &mut usize, at: usize) -> Result<Yaml, ConfigError> {
    skip_ws(s, i);
    let start = *i;
    let open = s[*i..].chars().next();
    match open {
        Some('[') | Some('{') => {
            let is_map = open == Some('{');
            let close = if is_map { '}' } else { ']' };
            *i += 1;
            let mut items = Vec::new();
            let mut entries = Vec::new();
            loop {
                skip_ws(s, i);
                if s[*i..].starts_with(close) {
                    *i += 1;
                    break;
                }
                if *i >= s.len() {
                    return Err(err(
                        format!(
                            "unclosed `{}` (flow collections must fit on one line)",
                            if is_map { '{' } else { '[' }
                        ),
                        (at + start, at + start + 1),
                    ));
                }
                if is_map {
                    let key_start = *i;
                    let rel = s[*i..].find(':').ok_or_else(|| {
                        err(
                            "expected `key: value` in `{…}`",
                            (at + key_start, at + s.len()),
                        )
                    })?;
                    let key = unquote(&s[*i..*i + rel], at + *i)?;
                    let key_span = (at + key_start, at + key_start + rel);
                    *i += rel + 1;
                    let v = flow(s, i, at)?;
                    entries.push((key, key_span, v));
                } else {
                    items.push(flow(s, i, at)?);
                }
                skip_ws(s, i);
                if s[*i..].starts_with(',') {
                    *i += 1;
                } else if *i >= s.len() {
                    return Err(err(
                        format!(
                            "unclosed `{}` (flow collections must fit on one line)",
                            if is_map { '{' } else { '[' }
                        ),
                        (at + start, at + start + 1),
                    ));
                } else if !s[*i..].starts_with(close) {
                    return Err(err(
                        format!("expected `,` or `{close}`"),
                        (at + *i, at + (*i + 1).min(s.len())),
                    ));
                }
            }
            let span = (at + start, at + *i);
            Ok(if is_map {
                Yaml::Map(entries, span)
            } else {
                Yaml::Seq(items, span)
            })
        }
        _ => {
            // A scalar up to `,`, `]` or `}` (quotes respected).
            let rest = &s[*i..];
            let len = if rest.starts_with(['"', '\'']) {
                let q = rest.chars().next().unwrap_or('"');
                rest[1..].find(q).map_or(rest.len(), |p| p + 2)
            } else {
                rest.find([',', ']', '}']).unwrap_or(rest.len())
            };
            let raw = &rest[..len];
            let v = Yaml::Scalar(
                unquote(raw, at + *i)?,
                (at + *i, at + *i + raw.trim_end().len()),
            );
            *i += len;
            Ok(v)
        }
    }
}

/// hadolint's configuration, as read from `.hadolint.yaml` and/or `HADOLINT_*` variables.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HadolintConfig {
    pub failure_threshold: Option<String>,
    pub ignored: Vec<String>,
    /// `override: {error: [...], ...}` by level.
    pub overrides: VecMap<Severity, Vec<String>>,
    pub trusted_registries: Vec<String>,
    pub label_schema: VecMap<String, LabelFormat>,
    pub strict_labels: Option<bool>,
    pub no_fail: Option<bool>,
    pub disable_ignore_pragma: Option<bool>,
}

/// hadolint's keys, for "did you mean".
pub const HADOLINT_KEYS: &[&str] = &[
    "failure-threshold",
    "format",
    "ignored",
    "label-schema",
    "no-color",
    "no-fail",
    "override",
    "strict-labels",
    "disable-ignore-pragma",
    "trustedRegistries",
    "verbose",
];

fn strings(v: &Yaml, key: &str) -> Result<Vec<String>, ConfigError> {
    match v {
        Yaml::Null(_) => Ok(Vec::new()),
        Yaml::Scalar(s, _) => Ok(vec![s.clone()]),
        Yaml::Seq(items, _) => items
            .iter()
            .map(|i| match i {
                Yaml::Scalar(s, _) => Ok(s.clone()),
                other => Err(err(
                    format!("`{key}` items must be strings, found {}", other.kind()),
                    other.span(),
                )),
            })
            .collect(),
        Yaml::Map(..) => Err(err(
            format!("`{key}` must be a list of strings, found a mapping"),
            v.span(),
        )),
    }
}

fn boolean(v: &Yaml, key: &str) -> Result<bool, ConfigError> {
    if let Yaml::Scalar(s, _) = v {
        match s.to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" => return Ok(true),
            "false" | "no" | "off" => return Ok(false),
            _ => {}
        }
    }
    Err(err(format!("`{key}` must be `true` or `false`"), v.span()))
}

fn threshold(s: &str, span: (usize, usize)) -> Result<String, ConfigError> {
    let t = s.trim().to_ascii_lowercase();
    if matches!(
        t.as_str(),
        "error" | "warning" | "info" | "style" | "ignore" | "none"
    ) {
        Ok(t)
    } else {
        Err(err(
            format!(
                "`failure-threshold` must be error, warning, info, style, ignore or none, not `{s}`"
            ),
            span,
        ))
    }
}

fn label_format(s: &str, span: (usize, usize)) -> Result<LabelFormat, ConfigError> {
    LabelFormat::parse(s.trim()).ok_or_else(|| {
        let names = LabelFormat::ALL.map(LabelFormat::as_str);
        let mut e = err(
            format!(
                "unknown label format `{s}`; expected one of {}",
                names.join(", ")
            ),
            span,
        );
        e.help = crate::util::suggest::closest(s, names.iter().copied())
            .map(|x| format!("did you mean `{x}`?"));
        e
    })
}

impl HadolintConfig {
    /// Parses `.hadolint.yaml` text.
    ///
    /// # Errors
    /// YAML errors, unknown keys (with "did you mean"), wrong types and bad values, each with
    /// a byte span.
    pub fn from_yaml(text: &str) -> Result<Self, ConfigError> {
        let root = parse_yaml(text)?;
        let entries = match root {
            Yaml::Map(e, _) => e,
            Yaml::Null(_) => return Ok(Self::default()),
            other => {
                return Err(err(
                    "a hadolint configuration must be a mapping of keys",
                    other.span(),
                ));
            }
        };
        let mut c = Self::default();
        for (key, key_span, v) in &entries {
            match key.as_str() {
                "failure-threshold" => match v {
                    Yaml::Scalar(s, span) => c.failure_threshold = Some(threshold(s, *span)?),
                    _ => return Err(err("`failure-threshold` must be a string", v.span())),
                },
                "ignored" => c.ignored = strings(v, key)?,
                "trustedRegistries" => c.trusted_registries = strings(v, key)?,
                "strict-labels" => c.strict_labels = Some(boolean(v, key)?),
                "no-fail" => c.no_fail = Some(boolean(v, key)?),
                "disable-ignore-pragma" => c.disable_ignore_pragma = Some(boolean(v, key)?),
                // Presentation settings: Stowage's CLI flags cover them.
                "format" | "no-color" | "verbose" => {}
                "override" => {
                    let Yaml::Map(levels, _) = v else {
                        if matches!(v, Yaml::Null(_)) {
                            continue;
                        }
                        return Err(err(
                            "`override` must map error/warning/info/style to lists of codes",
                            v.span(),
                        ));
                    };
                    for (level, lspan, codes) in levels {
                        let Some(sev) = Severity::parse(level) else {
                            let mut e =
                                err(format!("unknown level `{level}` in `override`"), *lspan);
                            e.help = crate::util::suggest::closest(
                                level,
                                ["error", "warning", "info", "style"],
                            )
                            .map(|s| format!("did you mean `{s}`?"));
                            return Err(e);
                        };
                        c.overrides
                            .get_or_insert_with(sev, Vec::new)
                            .extend(strings(codes, level)?);
                    }
                }
                "label-schema" => {
                    let Yaml::Map(labels, _) = v else {
                        if matches!(v, Yaml::Null(_)) {
                            continue;
                        }
                        return Err(err(
                            "`label-schema` must map label names to formats",
                            v.span(),
                        ));
                    };
                    for (name, _, fmt) in labels {
                        let Yaml::Scalar(f, span) = fmt else {
                            return Err(err("a label format must be a string", fmt.span()));
                        };
                        c.label_schema.insert(name.clone(), label_format(f, *span)?);
                    }
                }
                other => {
                    let mut e = err(
                        format!("unknown hadolint configuration key `{other}`"),
                        *key_span,
                    );
                    e.key = Some(other.to_owned());
                    e.help = crate::util::suggest::closest(other, HADOLINT_KEYS.iter().copied())
                        .map(|s| format!("did you mean `{s}`?"));
                    return Err(e);
                }
            }
        }
        Ok(c)
    }

    /// Layers `file` over `env` as hadolint does: lists are unioned, scalars from the file win.
    #[must_use]
    pub fn merge(env: Self, file: Self) -> Self {
        let union = |mut a: Vec<String>, b: Vec<String>| {
            for x in b {
                if !a.contains(&x) {
                    a.push(x);
                }
            }
            a
        };
        let mut overrides = env.overrides;
        for (k, v) in file.overrides {
            let cur = overrides.remove(&k).unwrap_or_default();
            overrides.insert(k, union(cur, v));
        }
        let mut label_schema = env.label_schema;
        label_schema.extend(file.label_schema);
        Self {
            failure_threshold: file.failure_threshold.or(env.failure_threshold),
            ignored: union(env.ignored, file.ignored),
            overrides,
            trusted_registries: union(env.trusted_registries, file.trusted_registries),
            label_schema,
            strict_labels: file.strict_labels.or(env.strict_labels),
            no_fail: file.no_fail.or(env.no_fail),
            disable_ignore_pragma: file.disable_ignore_pragma.or(env.disable_ignore_pragma),
        }
    }

    /// The equivalent Stowage configuration (extending the `hadolint` preset), and notes on
    /// what could not be carried over (codes Stowage has no rule for, such as ShellCheck's).
    #[must_use]
    pub fn to_config(&self) -> (Config, Vec<String>) {
        let mut notes = Vec::new();
        let mut known = |code: &str, what: &str| {
            let ok = Selector::find(code).is_some();
            if !ok {
                notes.push(format!(
                    "{what} `{code}`: Stowage has no rule for it; left out"
                ));
            }
            ok
        };
        let mut c = Config {
            extends: vec!["hadolint".into()],
            ..Config::default()
        };
        for code in &self.ignored {
            if known(code, "ignored") {
                c.ignore.push(code.clone());
            }
        }
        for (sev, codes) in &self.overrides {
            for code in codes {
                if known(code, "override") {
                    c.severity.insert(code.clone(), *sev);
                }
            }
        }
        if !self.trusted_registries.is_empty() {
            c.policy.trusted_registries = Some(self.trusted_registries.clone());
        }
        if !self.label_schema.is_empty() {
            c.policy.required_labels = Some(self.label_schema.clone());
        }
        c.policy.strict_labels = self.strict_labels;
        match self.failure_threshold.as_deref() {
            Some("ignore" | "none") => c.no_fail = Some(true),
            Some(t) => c.failure_threshold = Severity::parse(t),
            None => {}
        }
        if self.no_fail == Some(true) {
            c.no_fail = Some(true);
        }
        if self.disable_ignore_pragma == Some(true) {
            c.inline_suppressions = Some(false);
        }
        (c, notes)
    }
}

/// hadolint's environment variables, given as data (`(name, value)` pairs; others ignored).
#[derive(Clone, Debug, Default)]
pub struct HadolintEnv;

impl HadolintEnv {
    /// The names read.
    pub const VARS: &'static [&'static str] = &[
        "HADOLINT_NOFAIL",
        "HADOLINT_FAILURE_THRESHOLD",
        "HADOLINT_OVERRIDE_ERROR",
        "HADOLINT_OVERRIDE_WARNING",
        "HADOLINT_OVERRIDE_INFO",
        "HADOLINT_OVERRIDE_STYLE",
        "HADOLINT_IGNORE",
        "HADOLINT_STRICT_LABELS",
        "HADOLINT_DISABLE_IGNORE_PRAGMA",
        "HADOLINT_TRUSTED_REGISTRIES",
        "HADOLINT_REQUIRE_LABELS",
    ];

    /// Reads the `HADOLINT_*` variables (comma lists; booleans `1/true/yes/on`).
    ///
    /// # Errors
    /// A bad threshold or label format, naming the variable.
    pub fn parse<'a>(
        vars: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<HadolintConfig, ConfigError> {
        let mut c = HadolintConfig::default();
        let list = |v: &str| -> Vec<String> {
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let truthy = |v: &str| {
            matches!(
                v.trim().to_ascii_lowercase().as_str(),
                "1" | "true" | "yes" | "on" | "y"
            )
        };
        let named = |name: &str, e: ConfigError| {
            let mut e = e;
            e.message = format!("{name}: {}", e.message);
            e.span = None;
            e
        };
        for (name, value) in vars {
            match name {
                "HADOLINT_NOFAIL" => c.no_fail = Some(truthy(value)),
                "HADOLINT_FAILURE_THRESHOLD" => {
                    c.failure_threshold =
                        Some(threshold(value, (0, 0)).map_err(|e| named(name, e))?);
                }
                "HADOLINT_IGNORE" => c.ignored.extend(list(value)),
                "HADOLINT_STRICT_LABELS" => c.strict_labels = Some(truthy(value)),
                "HADOLINT_DISABLE_IGNORE_PRAGMA" => c.disable_ignore_pragma = Some(truthy(value)),
                "HADOLINT_TRUSTED_REGISTRIES" => c.trusted_registries.extend(list(value)),
                "HADOLINT_REQUIRE_LABELS" => {
                    for item in list(value) {
                        let (label, fmt) = item.split_once(':').unwrap_or((item.as_str(), "text"));
                        let f = label_format(fmt, (0, 0)).map_err(|e| named(name, e))?;
                        c.label_schema.insert(label.trim().to_owned(), f);
                    }
                }
                _ => {
                    if let Some(level) = name.strip_prefix("HADOLINT_OVERRIDE_")
                        && let Some(sev) = Severity::parse(&level.to_ascii_lowercase())
                    {
                        c.overrides
                            .get_or_insert_with(sev, Vec::new)
                            .extend(list(value));
                    }
                }
            }
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_block_and_flow() {
        let y = "# hi\nignored:\n  - DL3008 # why\n  - 'DL3009'\noverride:\n  error: [DL3001, \"DL3002\"]\n  info:\n  - DL3003\ntrustedRegistries: docker.io\nlabel-schema:\n  author: text\n  url: url\nstrict-labels: true\n";
        let c = HadolintConfig::from_yaml(y).expect("parses");
        assert_eq!(c.ignored, ["DL3008", "DL3009"]);
        assert_eq!(c.overrides[&Severity::Error], ["DL3001", "DL3002"]);
        assert_eq!(c.overrides[&Severity::Info], ["DL3003"]);
        assert_eq!(c.trusted_registries, ["docker.io"]);
        assert_eq!(c.label_schema.len(), 2);
        assert_eq!(c.strict_labels, Some(true));
    }

    #[test]
    fn positioned_errors() {
        let e = HadolintConfig::from_yaml("ignored: [DL3000\n").expect_err("unclosed");
        assert!(e.message.contains("unclosed"), "{e:?}");
        let e = HadolintConfig::from_yaml("ignore:\n  - DL3000\n").expect_err("unknown");
        assert_eq!(e.span, Some((0, 6)));
        assert_eq!(e.help.as_deref(), Some("did you mean `ignored`?"));
        let e = HadolintConfig::from_yaml("no-fail: maybe\n").expect_err("bool");
        assert_eq!(e.span, Some((9, 14)));
        let e = HadolintConfig::from_yaml("ignored:\n\t- x\n").expect_err("tab");
        assert_eq!(e.span, Some((9, 10)));
    }
}
