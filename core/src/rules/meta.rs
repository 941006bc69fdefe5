//! Rule metadata: what every rule declares about itself.

use serde::Serialize;

use crate::diagnostic::Severity;

/// The family a rule belongs to; also a selector (`--select security`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// What Docker itself rejects: parse and validation errors.
    Syntax,
    /// Mistakes that break or mislead the build.
    Correctness,
    Security,
    Size,
    Reproducibility,
    Style,
    /// Organisation rules driven by configuration.
    Policy,
    /// Checks on image manifests and configs.
    Image,
}

impl Family {
    pub const ALL: [Self; 8] = [
        Self::Syntax,
        Self::Correctness,
        Self::Security,
        Self::Size,
        Self::Reproducibility,
        Self::Style,
        Self::Policy,
        Self::Image,
    ];

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Syntax => "syntax",
            Self::Correctness => "correctness",
            Self::Security => "security",
            Self::Size => "size",
            Self::Reproducibility => "reproducibility",
            Self::Style => "style",
            Self::Policy => "policy",
            Self::Image => "image",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
    }
}

/// Whether a rule offers a fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixAvailability {
    None,
    /// Some findings can be fixed mechanically, others not.
    Sometimes,
    Always,
}

/// What a rule inspects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Dockerfile,
    Image,
}

/// The type of a rule option's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OptionKind {
    Integer,
    /// A number; an integer is accepted too.
    Float,
    Bool,
    String,
    /// A list of strings.
    Strings,
}

impl OptionKind {
    /// As a user would write it in `stowage.toml`.
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            Self::Integer => "an integer",
            Self::Float => "a number",
            Self::Bool => "true or false",
            Self::String => "a string",
            Self::Strings => "a list of strings",
        }
    }
}

/// An option a rule reads from `[rules.<code or name>]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RuleOption {
    pub key: &'static str,
    pub kind: OptionKind,
    /// One line: what it changes, with the default.
    pub summary: &'static str,
}

/// Everything a rule declares. `code` is stable forever and never reused.
#[derive(Debug)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub default_enabled: bool,
    pub fix: FixAvailability,
    /// Equivalent ids in other tools: hadolint `DL3008`, BuildKit `JSONArgsRecommended`,
    /// Trivy `DS-0002`, Checkov `CKV_DOCKER_3`, Docker Scout policy names.
    pub aliases: &'static [&'static str],
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// Markdown with `## What it does`, `## Why is this bad?`, `## Example`, `## Use instead`.
    /// Empty without the `docs` feature (the WebAssembly build ships the docs as a JS module).
    pub docs: &'static str,
    pub target: Target,
    /// The keys of `[rules.<rule>]` the rule reads; anything else there is a config error.
    pub options: &'static [RuleOption],
}

impl RuleMeta {
    /// The docs as Markdown (doc comments carry one leading space per line; it is removed).
    #[cfg(feature = "docs")]
    #[must_use]
    pub fn markdown(&self) -> String {
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// A markdown section of the docs (`"Example"` → the text under `## Example`).
    #[cfg(feature = "docs")]
    #[must_use]
    pub fn section(&self, title: &str) -> Option<String> {
        let docs = self.markdown();
        let marker = format!("## {title}\n");
        let start = docs.find(&marker)? + marker.len();
        let rest = &docs[start..];
        let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
        Some(rest[..end].trim().to_owned())
    }

    /// The first fenced code block of a section (a `dockerignore` block is an input, skipped).
    #[cfg(feature = "docs")]
    #[must_use]
    pub fn example(&self, title: &str) -> Option<String> {
        self.blocks(title)
            .into_iter()
            .find(|(lang, _)| lang != "dockerignore")
            .map(|(_, body)| body)
    }

    /// A `.dockerignore` given with a section's example (a ```dockerignore block).
    #[cfg(feature = "docs")]
    #[must_use]
    pub fn example_dockerignore(&self, title: &str) -> Option<String> {
        self.blocks(title)
            .into_iter()
            .find(|(lang, _)| lang == "dockerignore")
            .map(|(_, body)| body)
    }

    /// Every fenced block of a section: `(language, body)`.
    #[cfg(feature = "docs")]
    fn blocks(&self, title: &str) -> Vec<(String, String)> {
        let Some(section) = self.section(title) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut rest = section.as_str();
        while let Some(open) = rest.find("```") {
            let after = &rest[open + 3..];
            let Some(nl) = after.find('\n') else { break };
            let lang = after[..nl].trim().to_owned();
            let body = &after[nl + 1..];
            let Some(close) = body.find("```") else { break };
            out.push((lang, body[..close].to_owned()));
            rest = &body[close + 3..];
        }
        out
    }
}

/// Declares a rule: a unit struct, its metadata (docs from the doc comment) and `meta()`.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// …
///     pub AptNoRecommends {
///         code: "SZ001", name: "apt-install-recommends", family: Size, severity: Info,
///         default_enabled: true, fix: Always, aliases: ["DL3015"],
///         summary: "apt-get install without --no-install-recommends",
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub $name:ident {
            code: $code:literal,
            name: $rname:literal,
            family: $family:ident,
            severity: $sev:ident,
            default_enabled: $enabled:literal,
            fix: $fix:ident,
            aliases: [$($alias:literal),* $(,)?],
            summary: $summary:literal
            $(, target: $target:ident)?
            $(, options: [$(($okey:literal, $okind:ident, $osummary:literal)),* $(,)?])? $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $rname,
                family: $crate::rules::Family::$family,
                severity: $crate::diagnostic::Severity::$sev,
                default_enabled: $enabled,
                fix: $crate::rules::FixAvailability::$fix,
                aliases: &[$($alias),*],
                summary: $summary,
                docs: $crate::__rule_docs!($($doc)*),
                target: $crate::declare_rule!(@target $($target)?),
                options: &[$($($crate::rules::RuleOption {
                    key: $okey,
                    kind: $crate::rules::OptionKind::$okind,
                    summary: $osummary,
                }),*)?],
            };
        }
    };
    (@target) => { $crate::rules::Target::Dockerfile };
    (@target $t:ident) => { $crate::rules::Target::$t };
}

/// The doc comment of a [`declare_rule!`](crate::declare_rule) as one string: the docs with the
/// `docs` feature, `""` without it (so the text is not compiled in at all).
#[cfg(feature = "docs")]
#[doc(hidden)]
#[macro_export]
macro_rules! __rule_docs {
    ($($doc:literal)*) => { concat!($($doc, "\n"),*) };
}

#[cfg(not(feature = "docs"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __rule_docs {
    ($($doc:literal)*) => {
        ""
    };
}
