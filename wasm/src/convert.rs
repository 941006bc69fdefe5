//! Pure conversions from the core's types to the JS-facing shapes. No wasm-bindgen here, so
//! this is tested natively with `cargo test -p stowage-wasm`.

use stowage_core::config::{Config, ConfigError};
use stowage_core::diagnostic::Diagnostic;
use stowage_core::fix::Fix;
use stowage_core::lint::{FixResult, Linter};
use stowage_core::rules::{FixAvailability, OptionKind, Target, registry};
use stowage_core::syntax::{self, ParseDump};
use stowage_core::text::{LineIndex, PositionEncoding, TextRange};
use stowage_core::util::VecMap;
use stowage_core::util::suggest::closest;

use crate::json::{self, Json, ToJson, json_object};

/// A 0-based position in the chosen encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub start: Position,
    pub end: Position,
}

/// `{ diagnostics }`, as `lintDockerfile` and `lintImage` return it.
pub struct LintOut<'a> {
    pub diagnostics: DiagnosticsJson<'a>,
}

// The JSON shapes (`js/index.js` parses them): keys as the JS API names them.
json_object!(Position { "line": line, "character": character });
json_object!(Range { "start": start, "end": end });
// Diagnostics, the bulk of most results, travel as arrays without keys (`JSON.parse` reads
// them faster); `js/index.js` (`diagnostic()`) turns them back into objects. They are written
// straight from the core's diagnostics, converting positions on the way (no copies).
//
// A diagnostic: `[rule, name, severity, message, ...positioned, help, labels, fix]`
// a label:      `[...positioned, message]`
// a fix:        `[title, applicability, edits]`, an edit: `[...positioned, newText]`
// where `...positioned` is `startLine, startChar, endLine, endChar, startOffset, endOffset`.

/// Diagnostics as JSON, positioned by a [`Converter`] of the text they are about.
pub struct DiagnosticsJson<'a> {
    cv: &'a Converter<'a>,
    list: &'a [Diagnostic],
}

impl ToJson for DiagnosticsJson<'_> {
    fn write_json(&self, out: &mut Json) {
        out.byte(b'[');
        for (i, d) in self.list.iter().enumerate() {
            if i > 0 {
                out.byte(b',');
            }
            self.cv.write_diagnostic(out, d);
        }
        out.byte(b']');
    }
}

json_object!(LintOut<'_> { "diagnostics": diagnostics });
json_object!(AppliedOut<'_> { "rule": rule, "title": title });
json_object!(RuleOut {
    "code": code,
    "name": name,
    "family": family,
    "severity": severity,
    "defaultEnabled": default_enabled,
    "fix": fix,
    "aliases": aliases,
    "summary": summary,
    "target": target,
    "options": options,
});
json_object!(RuleOptionOut {
    "key": key,
    "type": kind,
    "summary": summary,
});
json_object!(SuggestionOut {
    "kind": kind,
    "rule": rule,
    "title": title,
    "detail": detail,
    "range": range,
    "offsets": offsets,
    "savingBytes": saving_bytes,
    "basis": basis,
    "method": method,
    "confidence": confidence,
});
json_object!(TotalOut { "basis": basis, "bytes": bytes });
json_object!(OptimizeOut {
    "tableVersion": table_version,
    "suggestions": suggestions,
    "totals": totals,
});
json_object!(ConfigOut {
    "select": select,
    "extend-select": extend_select,
    "ignore": ignore,
    "severity": severity,
    "failure-threshold": failure_threshold,
    "rules": rules,
    "target": target,
});
json_object!(ConfigErrorOut { "message": message, "key": key, "span": span, "help": help });

/// `ParseOut` flattens the dump: its keys, then `diagnostics`.
impl ToJson for ParseOut<'_> {
    fn write_json(&self, out: &mut Json) {
        self.dump.write_json(out);
        out.pop(); // the dump's closing brace
        out.text(",\"diagnostics\":");
        self.cv.diagnostics(&self.diagnostics).write_json(out);
        out.byte(b'}');
    }
}

/// Converts byte ranges of one source text to positions.
pub struct Converter<'a> {
    source: &'a str,
    index: LineIndex,
    encoding: PositionEncoding,
}

impl<'a> Converter<'a> {
    #[must_use]
    pub fn new(source: &'a str, encoding: PositionEncoding) -> Self {
        Self {
            source,
            index: LineIndex::new(source),
            encoding,
        }
    }

    #[must_use]
    pub fn position(&self, offset: u32) -> Position {
        let lc = self.index.line_col(offset, self.source, self.encoding);
        Position {
            line: lc.line,
            character: lc.col,
        }
    }

    #[must_use]
    pub fn range(&self, range: TextRange) -> Range {
        Range {
            start: self.position(range.start),
            end: self.position(range.end),
        }
    }

    /// `list`, positioned in this converter's text, ready to write as JSON.
    #[must_use]
    pub fn diagnostics<'b>(&'b self, list: &'b [Diagnostic]) -> DiagnosticsJson<'b> {
        DiagnosticsJson { cv: self, list }
    }

    fn write_diagnostic(&self, out: &mut Json, d: &Diagnostic) {
        out.byte(b'[');
        for text in [d.code, d.name, d.severity.as_str(), d.message.as_str()] {
            json::string(out, text);
            out.byte(b',');
        }
        self.write_positioned(out, d.range);
        out.byte(b',');
        d.help.write_json(out);
        out.byte(b',');
        self.write_items(out, d.labels.iter().map(|l| (l.range, l.message.as_str())));
        out.byte(b',');
        match &d.fix {
            None => out.text("null"),
            Some(fix) => self.write_fix(out, fix),
        }
        out.byte(b']');
    }

    fn write_fix(&self, out: &mut Json, fix: &Fix) {
        out.byte(b'[');
        json::string(out, &fix.title);
        out.byte(b',');
        json::string(out, fix.applicability.as_str());
        out.byte(b',');
        self.write_items(out, fix.edits.iter().map(|e| (e.range, e.content.as_str())));
        out.byte(b']');
    }

    /// Labels or edits: `[[...positioned, text], …]`.
    fn write_items<'t>(&self, out: &mut Json, items: impl Iterator<Item = (TextRange, &'t str)>) {
        out.byte(b'[');
        for (i, (range, text)) in items.enumerate() {
            if i > 0 {
                out.byte(b',');
            }
            out.byte(b'[');
            self.write_positioned(out, range);
            out.byte(b',');
            json::string(out, text);
            out.byte(b']');
        }
        out.byte(b']');
    }

    /// `startLine,startChar,endLine,endChar,startOffset,endOffset`.
    fn write_positioned(&self, out: &mut Json, range: TextRange) {
        let (start, end) = (self.position(range.start), self.position(range.end));
        let numbers = [
            start.line,
            start.character,
            end.line,
            end.character,
            range.start,
            range.end,
        ];
        for (i, n) in numbers.into_iter().enumerate() {
            if i > 0 {
                out.byte(b',');
            }
            json::unsigned(out, u64::from(n));
        }
    }
}

pub struct AppliedOut<'a> {
    pub rule: &'static str,
    pub title: &'a str,
}

/// `{ output, applied, remaining, stoppedOnError }`; `remaining` is positioned in `output`.
pub struct FixResultOut<'a> {
    result: &'a FixResult,
    cv: Converter<'a>,
}

#[must_use]
pub fn fix_out(result: &FixResult, encoding: PositionEncoding) -> FixResultOut<'_> {
    FixResultOut {
        result,
        cv: Converter::new(&result.output, encoding),
    }
}

impl ToJson for FixResultOut<'_> {
    fn write_json(&self, out: &mut Json) {
        let r = self.result;
        let applied: Vec<AppliedOut> = r
            .applied
            .iter()
            .map(|(rule, title)| AppliedOut { rule, title })
            .collect();
        json::object(
            out,
            &[
                ("output", &r.output),
                ("applied", &applied),
                ("remaining", &self.cv.diagnostics(&r.remaining)),
                ("stoppedOnError", &r.stopped_on_error),
            ],
        );
    }
}

pub struct ParseOut<'a> {
    pub dump: ParseDump,
    diagnostics: Vec<Diagnostic>,
    cv: Converter<'a>,
}

/// The parse dump plus the findings of the syntax rules (`syntax` must select only those).
#[must_use]
pub fn parse_out<'a>(source: &'a str, syntax: &Linter, encoding: PositionEncoding) -> ParseOut<'a> {
    let df = syntax::parse(source);
    let index = LineIndex::new(source);
    let dump = syntax::dump(source, &df, &index);
    let result = syntax.lint_parsed(source, &df, &stowage_core::lint::Inputs::default());
    let cv = Converter {
        source,
        index,
        encoding,
    };
    ParseOut {
        dump,
        diagnostics: result.diagnostics,
        cv,
    }
}

#[derive(Debug)]
pub struct RuleOut {
    pub code: &'static str,
    pub name: &'static str,
    pub family: &'static str,
    pub severity: &'static str,
    pub default_enabled: bool,
    pub fix: &'static str,
    pub aliases: &'static [&'static str],
    pub summary: &'static str,
    pub target: &'static str,
    /// The keys `[rules.<rule>]` accepts.
    pub options: Vec<RuleOptionOut>,
    // No `docs`: the .wasm is built without them; js/index.js adds them from js/rule-docs.js
    // (generated by tests/tests/rule_docs.rs).
}

/// An option of a rule: its key, its value's type, and what it does.
#[derive(Debug)]
pub struct RuleOptionOut {
    pub key: &'static str,
    pub kind: &'static str,
    pub summary: &'static str,
}

#[must_use]
pub fn rules() -> Vec<RuleOut> {
    registry()
        .iter()
        .map(|r| {
            let m = r.meta();
            RuleOut {
                code: m.code,
                name: m.name,
                family: m.family.as_str(),
                severity: m.severity.as_str(),
                default_enabled: m.default_enabled,
                fix: match m.fix {
                    FixAvailability::None => "none",
                    FixAvailability::Sometimes => "sometimes",
                    FixAvailability::Always => "always",
                },
                aliases: m.aliases,
                summary: m.summary,
                target: match m.target {
                    Target::Dockerfile => "dockerfile",
                    Target::Image => "image",
                },
                options: m
                    .options
                    .iter()
                    .map(|o| RuleOptionOut {
                        key: o.key,
                        kind: match o.kind {
                            OptionKind::Integer => "integer",
                            OptionKind::Float => "number",
                            OptionKind::Bool => "boolean",
                            OptionKind::String => "string",
                            OptionKind::Strings => "string[]",
                        },
                        summary: o.summary,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// One piece of size advice from the optimizer, positioned like a diagnostic.
#[derive(Debug)]
pub struct SuggestionOut {
    /// `slimmer-base`, `multi-stage`, `cache-mount`, … (as in `stowage optimize`).
    pub kind: &'static str,
    /// The rule that reports the same advice as a diagnostic.
    pub rule: &'static str,
    pub title: String,
    /// How, concretely (may span lines).
    pub detail: String,
    pub range: Range,
    pub offsets: [u32; 2],
    /// Estimated bytes saved (0 when the benefit is not size), on which basis, and how.
    pub saving_bytes: u64,
    pub basis: &'static str,
    pub method: String,
    pub confidence: &'static str,
}

#[derive(Debug)]
pub struct TotalOut {
    pub basis: &'static str,
    pub bytes: u64,
}

/// `stowage optimize`'s report: suggestions by estimated saving, largest first.
#[derive(Debug)]
pub struct OptimizeOut {
    /// The date of the built-in base-image size table.
    pub table_version: &'static str,
    pub suggestions: Vec<SuggestionOut>,
    /// Sums per basis (upper bounds: suggestions can overlap).
    pub totals: Vec<TotalOut>,
}

#[must_use]
pub fn optimize_out(
    report: &stowage_core::optimize::OptimizeReport,
    source: &str,
    encoding: PositionEncoding,
) -> OptimizeOut {
    let cv = Converter::new(source, encoding);
    OptimizeOut {
        table_version: report.table_version,
        suggestions: report
            .suggestions
            .iter()
            .map(|s| SuggestionOut {
                kind: s.kind.as_str(),
                rule: s.rule,
                title: s.title.clone(),
                detail: s.detail.clone(),
                range: cv.range(s.range),
                offsets: [s.range.start, s.range.end],
                saving_bytes: s.saving.bytes,
                basis: s.saving.basis.as_str(),
                method: s.saving.method.clone(),
                confidence: s.confidence.as_str(),
            })
            .collect(),
        totals: report
            .totals
            .iter()
            .map(|t| TotalOut {
                basis: t.basis.as_str(),
                bytes: t.bytes,
            })
            .collect(),
    }
}

/// `Config::default()` in the shape the constructor accepts (kebab-case keys, as in
/// `stowage.toml`).
#[derive(Debug)]
pub struct ConfigOut {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: VecMap<String, &'static str>,
    pub failure_threshold: Option<&'static str>,
    pub rules: VecMap<String, ()>,
    pub target: Option<String>,
}

#[must_use]
pub fn default_config() -> ConfigOut {
    let c = Config::default();
    ConfigOut {
        select: c.select,
        extend_select: c.extend_select,
        ignore: c.ignore,
        // Inserted one by one: already in key order, so `insert` only appends.
        severity: {
            let mut m = VecMap::new();
            for (k, v) in &c.severity {
                m.insert(k.clone(), v.as_str());
            }
            m
        },
        failure_threshold: c.failure_threshold.map(|s| s.as_str()),
        // Rule options have no defaults in the config itself.
        rules: VecMap::new(),
        target: c.target,
    }
}

/// A config problem for JS: what is wrong, which key, where in TOML text (bytes), what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigErrorOut {
    pub message: String,
    pub key: Option<String>,
    pub span: Option<[usize; 2]>,
    pub help: Option<String>,
}

impl ConfigErrorOut {
    #[must_use]
    pub fn from_core(e: ConfigError, toml: Option<&str>) -> Self {
        let key = e
            .key
            .or_else(|| unknown_name(&e.message).map(str::to_owned));
        let help = e.help.or_else(|| did_you_mean(&e.message));
        Self {
            message: format!(
                "invalid {}config: {}",
                if toml.is_some() { "TOML " } else { "" },
                e.message
            ),
            key,
            span: e.span.map(|(a, b)| [a, b]),
            help,
        }
    }
}

/// The name in "unknown field `x`, …" / "unknown variant `x`, …".
fn unknown_name(message: &str) -> Option<&str> {
    let rest = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))?;
    rest.split('`').next()
}

/// "did you mean `select`?" for serde's "unknown field `selct`, expected one of `select`, …".
fn did_you_mean(message: &str) -> Option<String> {
    let name = unknown_name(message)?;
    let expected = message.split_once("expected")?.1;
    let candidates = expected.split('`').skip(1).step_by(2);
    closest(name, candidates).map(|s| format!("did you mean `{s}`?"))
}

/// Parses the config: JSON text (a stringified JS object), TOML text, or neither (defaults).
///
/// # Errors
/// A message that names the bad key and, for a near miss, a suggestion.
pub fn load_config(json: Option<&str>, toml: Option<&str>) -> Result<Config, ConfigErrorOut> {
    if let Some(text) = toml {
        return Config::from_toml(text).map_err(|e| ConfigErrorOut::from_core(e, Some(text)));
    }
    let Some(text) = json else {
        return Ok(Config::default());
    };
    // The JS object arrives as JSON text. Rather than a second JSON/serde stack in the WASM
    // build, it is rewritten as TOML (the core's own JSON parser, then `Config::from_toml`),
    // remembering which TOML bytes came from which key so errors name the key path.
    let root = stowage_core::image::json::parse(text).map_err(|e| ConfigErrorOut {
        message: format!("invalid config: not a JSON object ({})", e.message),
        key: None,
        span: None,
        help: None,
    })?;
    let mut out = TomlWriter::default();
    match &root.root.value {
        JsonValue::Object(members) => {
            for (k, v) in members {
                out.member(&k.name, v, &k.name);
            }
        }
        JsonValue::Null => return Ok(Config::default()),
        _ => {
            return Err(ConfigErrorOut {
                message: "invalid config: expected an object such as { select: [\"all\"] }".into(),
                key: None,
                span: None,
                help: None,
            });
        }
    }
    let config = Config::from_toml(&out.text).map_err(|e| {
        let path = e
            .span
            .and_then(|(a, b)| out.key_at(a, b))
            .map(str::to_owned);
        let key = path
            .or_else(|| e.key.clone())
            .or_else(|| unknown_name(&e.message).map(str::to_owned));
        let help = e.help.clone().or_else(|| did_you_mean(&e.message));
        let message = match &key {
            Some(k) if !e.message.contains(&format!("`{k}`")) => {
                format!("invalid config: `{k}`: {}", e.message)
            }
            _ => format!("invalid config: {}", e.message),
        };
        ConfigErrorOut {
            message,
            key,
            span: None,
            help,
        }
    })?;
    Ok(config)
}

/// `"utf-16"` (the default, as JS strings and editors count), `"utf-8"` or `"utf-32"`.
///
/// # Errors
/// On any other name.
pub fn parse_encoding(name: Option<&str>) -> Result<PositionEncoding, ConfigErrorOut> {
    match name.map(str::to_ascii_lowercase).as_deref() {
        None | Some("utf-16" | "utf16") => Ok(PositionEncoding::Utf16),
        Some("utf-8" | "utf8") => Ok(PositionEncoding::Utf8),
        Some("utf-32" | "utf32") => Ok(PositionEncoding::Utf32),
        Some(other) => Err(ConfigErrorOut {
            message: format!(
                "invalid option `positionEncoding`: `{other}`, expected `utf-16` or `utf-8`"
            ),
            key: Some("positionEncoding".to_owned()),
            span: None,
            help: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_json_key_is_named_with_a_suggestion() {
        let e = load_config(Some(r#"{"selct":["all"]}"#), None).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("selct"));
        assert!(e.message.contains("unknown field `selct`"), "{}", e.message);
        assert!(!e.message.contains("line 1"), "{}", e.message);
        assert_eq!(e.help.as_deref(), Some("did you mean `select`?"));
    }

    #[test]
    fn wrong_type_names_the_path() {
        let e = load_config(Some(r#"{"ignore":5}"#), None).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("ignore"));
        assert!(e.message.contains("`ignore`"), "{}", e.message);
        let e = load_config(Some(r#"{"severity":{"SEC001":"warn"}}"#), None).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("severity.SEC001"), "{}", e.message);
    }

    #[test]
    fn toml_and_defaults() {
        assert_eq!(load_config(None, None).unwrap(), Config::default());
        let c = load_config(None, Some("select = [\"all\"]\n")).unwrap();
        assert_eq!(c.select, Some(vec!["all".to_owned()]));
        let e = load_config(None, Some("selct = []\n")).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("selct"));
        assert_eq!(e.span, Some([0, 5]));
    }

    #[test]
    fn positions_follow_the_encoding() {
        let src = "LABEL a=\"😀\" b=1\n";
        let at = u32::try_from(src.find(" b").unwrap() + 1).unwrap();
        let c16 = Converter::new(src, PositionEncoding::Utf16).position(at);
        let c8 = Converter::new(src, PositionEncoding::Utf8).position(at);
        assert_eq!((c16.line, c16.character), (0, 13));
        assert_eq!(c8.character, 15);
    }
}

use stowage_core::image::json::{JsonNode, JsonValue};

/// Writes JSON values as TOML text (top-level keys as `key = value`, nested objects as inline
/// tables), recording the byte span of each key path for error messages.
#[derive(Default)]
struct TomlWriter {
    text: String,
    /// (start, end, dotted key path), innermost last for a given position.
    spans: Vec<(usize, usize, String)>,
}

impl TomlWriter {
    fn member(&mut self, key: &str, value: &JsonNode, path: &str) {
        if matches!(value.value, JsonValue::Null) {
            return;
        }
        let start = self.text.len();
        quote(&mut self.text, key);
        self.text.push_str(" = ");
        self.value(value, path);
        self.spans.push((start, self.text.len(), path.to_owned()));
        self.text.push('\n');
    }

    fn value(&mut self, v: &JsonNode, path: &str) {
        match &v.value {
            JsonValue::Null => self.text.push_str("\"\""),
            JsonValue::Bool(b) => self.text.push_str(if *b { "true" } else { "false" }),
            JsonValue::Number(n) => self.text.push_str(&n.raw),
            JsonValue::String(s) => quote(&mut self.text, s),
            JsonValue::Array(items) => {
                self.text.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.text.push_str(", ");
                    }
                    self.value(item, &format!("{path}[{i}]"));
                }
                self.text.push(']');
            }
            JsonValue::Object(members) => {
                self.text.push('{');
                let mut first = true;
                for (k, item) in members {
                    if matches!(item.value, JsonValue::Null) {
                        continue;
                    }
                    if !first {
                        self.text.push_str(", ");
                    }
                    first = false;
                    let start = self.text.len();
                    quote(&mut self.text, &k.name);
                    self.text.push_str(" = ");
                    let sub = format!("{path}.{}", k.name);
                    self.value(item, &sub);
                    self.spans.push((start, self.text.len(), sub));
                }
                self.text.push('}');
            }
        }
    }

    /// The innermost key path whose text contains `[a, b)`.
    fn key_at(&self, a: usize, b: usize) -> Option<&str> {
        self.spans
            .iter()
            .filter(|(s, e, _)| *s <= a && b <= *e)
            .min_by_key(|(s, e, _)| e - s)
            .map(|(_, _, p)| p.as_str())
    }
}

/// A TOML basic string.
fn quote(toml: &mut String, s: &str) {
    toml.push('"');
    for c in s.chars() {
        match c {
            '"' => toml.push_str("\\\""),
            '\\' => toml.push_str("\\\\"),
            '\n' => toml.push_str("\\n"),
            '\r' => toml.push_str("\\r"),
            '\t' => toml.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                toml.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => toml.push(c),
        }
    }
    toml.push('"');
}
