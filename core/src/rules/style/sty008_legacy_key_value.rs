use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, KeyValue, Keyword};
use crate::text::TextRange;

declare_rule! {
    /// ## What it does
    /// Reports `ENV` and `LABEL` in the legacy space-separated form, `ENV KEY value`.
    ///
    /// ## Why is this bad?
    /// The legacy form sets a single variable to the whole rest of the line, spaces
    /// included, which is easy to misread (`ENV A 1 B 2` sets `A` to `1 B 2`). Docker
    /// deprecates it in favour of `KEY=value`.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ENV APP_HOME /opt/app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ENV APP_HOME=/opt/app
    /// ```
    ///
    /// ## Fix safety
    /// Safe: rewrites `KEY value` as `KEY=value`, adding double quotes when the value has
    /// spaces and keeping quotes that wrap the whole value. Not offered when the value mixes
    /// quoted and unquoted parts or spans several lines.
    pub LegacyKeyValue {
        code: "STY008",
        name: "legacy-key-value",
        family: Style,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["LegacyKeyValueFormat", "SYNTAX_MISSING_EQUALS"],
        summary: "ENV/LABEL in the legacy `KEY value` form",
    }
}

/// The `KEY=value` text for a legacy pair, when it can be written safely.
fn rewrite(source: &str, kv: &KeyValue, escape: char) -> Option<String> {
    let key = kv.key.range.slice(source);
    let value = kv.value.range.slice(source);
    // This rule fires on ~1.7 lines per corpus file: byte tests, not `str` pattern searchers.
    let has = |set: &[u8]| value.bytes().any(|b| set.contains(&b));
    let escape = u8::try_from(escape).unwrap_or(b'\\');
    if value != kv.value.text || key != kv.key.text || has(&[escape, b'\n']) {
        return None;
    }
    let wrapped = |q: u8| {
        value.len() >= 2
            && matches!(value.as_bytes().first(), Some(&c) if c == q)
            && matches!(value.as_bytes().last(), Some(&c) if c == q)
            && !value.as_bytes()[1..value.len() - 1].contains(&q)
    };
    let spaced = value.bytes().any(|b| matches!(b, b'\t'..=b'\r' | b' '))
        || (!value.is_ascii() && value.contains(char::is_whitespace));
    if !spaced || wrapped(b'"') || wrapped(b'\'') {
        return Some([key, "=", value].concat());
    }
    if has(b"\"'`") {
        return None;
    }
    Some([key, "=\"", value, "\""].concat())
}

impl Rule for LegacyKeyValue {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let escape = cx.dockerfile.escape;
        for keyword in [Keyword::Env, Keyword::Label] {
            for (_, ins, _) in cx.instructions_with(keyword) {
                let (Args::Env(pairs) | Args::Label(pairs)) = &ins.args else {
                    continue;
                };
                for kv in pairs.iter().filter(|kv| kv.legacy) {
                    let name = ins.keyword.as_str();
                    let fix = rewrite(cx.source, kv, escape).map(|text| {
                        Fix::safe(
                            "Use the KEY=value form",
                            vec![Edit::replace(
                                TextRange::new(kv.key.range.start, kv.value.range.end),
                                text,
                            )],
                        )
                    });
                    let key = kv.key.text.as_str();
                    let d = cx.report(
                        kv.range,
                        [
                            "legacy `",
                            name,
                            " ",
                            key,
                            " value` form: use `",
                            key,
                            "=value`",
                        ]
                        .concat(),
                    );
                    d.set_help(["write `", name, " ", key, "=<value>`"].concat());
                    if let Some(f) = fix {
                        d.set_fix(f);
                    }
                }
            }
        }
    }
}
