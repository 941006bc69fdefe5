//! The `[policy]` table and `[[custom-rules]]`: organisation rules, driven by configuration.
//! Every policy rule (`POL…`) is inert until its key here is set; setting it turns the rule on.

use crate::util::VecMap;

use crate::diagnostic::Severity;

/// Organisation policy. Every key is optional; an unset key leaves its rule inert.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Policy {
    /// Registries base images may come from, as globs (`*.gcr.io`, `docker.io`). `POL001`.
    pub trusted_registries: Option<Vec<String>>,
    /// Base-image rules; the first whose pattern matches decides. `POL002`, `POL003`.
    pub base_images: Option<Vec<BaseImageRule>>,
    /// Labels the shipped image must carry, with the format of their values. `POL004`, `POL005`.
    pub required_labels: Option<VecMap<String, LabelFormat>>,
    /// Only the labels in `required-labels` may be set. `POL006`.
    pub strict_labels: Option<bool>,
    /// Most layer-creating instructions (RUN, COPY, ADD) the shipped stage may have. `POL007`.
    pub max_layers: Option<u32>,
    /// The shipped image must run as a non-root user: turns `SEC001` on as an error.
    pub require_non_root: Option<bool>,
    /// The shipped image must have a HEALTHCHECK: turns `REP022` on as an error.
    pub require_healthcheck: Option<bool>,
    /// Instructions that may not be used (`ADD`, `MAINTAINER`). `POL008`.
    pub forbidden_instructions: Option<Vec<String>>,
    /// Shell commands RUN may not call (`sudo`, `curl`). `POL009`.
    pub forbidden_commands: Option<Vec<String>>,
    /// Instruction flags that may not be used: `--network=host`, `RUN --security`,
    /// `COPY --chmod`. `POL010`.
    pub forbidden_flags: Option<Vec<String>>,
    /// A `# syntax=` directive is required; the value is a regex its image must match
    /// (`"^docker/dockerfile:1"`), or `""` for any. `POL011`.
    pub require_syntax: Option<String>,
    /// Inline suppression comments are reported. `POL012`.
    pub no_inline_suppressions: Option<bool>,
}

/// What a matching base-image rule does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ImageAction {
    #[default]
    Allow,
    Deny,
}

/// One `[[policy.base-images]]` entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BaseImageRule {
    /// Glob on the image name without tag or digest; matched against the name as written
    /// (`python`, `ghcr.io/acme/base`) and fully qualified (`docker.io/library/python`).
    pub pattern: String,
    /// `allow` (default) or `deny`. When any `allow` rule exists, images matching none are
    /// not allowed.
    pub action: ImageAction,
    /// The reference must carry a `@sha256:` digest.
    pub require_digest: Option<bool>,
    /// A regex the tag must match (`^\d+\.\d+`). An untagged reference fails it.
    pub tag_pattern: Option<String>,
    /// Why, shown with findings.
    pub reason: Option<String>,
}

/// The format a label value must have (hadolint's label-schema formats).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelFormat {
    /// Any non-empty text.
    Text,
    Url,
    Semver,
    /// A short (7+) or full (40) git hash.
    Hash,
    Rfc3339,
    Spdx,
    Email,
}

impl LabelFormat {
    pub const ALL: [Self; 7] = [
        Self::Text,
        Self::Url,
        Self::Semver,
        Self::Hash,
        Self::Rfc3339,
        Self::Spdx,
        Self::Email,
    ];

    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Url => "url",
            Self::Semver => "semver",
            Self::Hash => "hash",
            Self::Rfc3339 => "rfc3339",
            Self::Spdx => "spdx",
            Self::Email => "email",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// A user-defined rule: `[[custom-rules]]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CustomRule {
    /// The rule's code: uppercase letters then three digits (`ACME001`).
    pub id: String,
    /// A kebab-case name (`no-curl-to-internal`); defaults to the lowercased id.
    pub name: Option<String>,
    /// The finding's message.
    pub message: String,
    /// What to do instead (shown as help).
    pub help: Option<String>,
    /// Default `warning`.
    pub severity: Option<Severity>,
    /// Instruction keywords it applies to (`["RUN"]`); default every instruction (for
    /// `pattern`) or `RUN` (for `command`).
    pub instructions: Option<Vec<String>>,
    /// A regex on the instruction's arguments (flags included, continuations joined).
    pub pattern: Option<String>,
    /// A shell command name RUN may not call like this (`curl`).
    pub command: Option<String>,
    /// With `command`: a regex its arguments must match for a finding (`-k|--insecure`).
    pub args: Option<String>,
    /// With `pattern`: the replacement for the match (`$1`, `${name}` refer to groups);
    /// offered as an unsafe fix.
    pub fix: Option<String>,
}

impl CustomRule {
    /// The rule's kebab-case name.
    #[must_use]
    pub fn name(&self) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| self.id.to_ascii_lowercase())
    }

    /// Whether `selector` names this rule (its id or name, case-insensitively).
    #[must_use]
    pub fn is_named(&self, selector: &str) -> bool {
        let s = selector.trim();
        self.id.eq_ignore_ascii_case(s) || self.name().eq_ignore_ascii_case(s)
    }
}

impl Policy {
    /// Child values replace the base's, key by key.
    #[must_use]
    pub fn merge(base: Self, child: Self) -> Self {
        Self {
            trusted_registries: child.trusted_registries.or(base.trusted_registries),
            base_images: child.base_images.or(base.base_images),
            required_labels: child.required_labels.or(base.required_labels),
            strict_labels: child.strict_labels.or(base.strict_labels),
            max_layers: child.max_layers.or(base.max_layers),
            require_non_root: child.require_non_root.or(base.require_non_root),
            require_healthcheck: child.require_healthcheck.or(base.require_healthcheck),
            forbidden_instructions: child.forbidden_instructions.or(base.forbidden_instructions),
            forbidden_commands: child.forbidden_commands.or(base.forbidden_commands),
            forbidden_flags: child.forbidden_flags.or(base.forbidden_flags),
            require_syntax: child.require_syntax.or(base.require_syntax),
            no_inline_suppressions: child.no_inline_suppressions.or(base.no_inline_suppressions),
        }
    }

    /// The policy rule codes whose key is set (so the rule runs).
    #[must_use]
    pub fn configured_rules(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.trusted_registries.is_some() {
            out.push("POL001");
        }
        if self.base_images.as_ref().is_some_and(|b| !b.is_empty()) {
            out.extend(["POL002", "POL003"]);
        }
        if self.required_labels.is_some() {
            out.extend(["POL004", "POL005"]);
        }
        if self.strict_labels == Some(true) {
            out.push("POL006");
        }
        if self.max_layers.is_some() {
            out.push("POL007");
        }
        if self.forbidden_instructions.is_some() {
            out.push("POL008");
        }
        if self.forbidden_commands.is_some() {
            out.push("POL009");
        }
        if self.forbidden_flags.is_some() {
            out.push("POL010");
        }
        if self.require_syntax.is_some() {
            out.push("POL011");
        }
        if self.no_inline_suppressions == Some(true) {
            out.push("POL012");
        }
        out
    }
}

/// A parsed `forbidden-flags` entry: `[KEYWORD] --name[=value]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlagSpec {
    pub keyword: Option<crate::syntax::Keyword>,
    pub name: String,
    pub value: Option<String>,
}

impl FlagSpec {
    /// Parses `RUN --network=host`, `--chmod`, `COPY --link`.
    ///
    /// # Errors
    /// A message when the entry is not `[KEYWORD] --flag[=value]`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut words = s.split_whitespace();
        let first = words.next().unwrap_or("");
        let (keyword, flag) = if first.starts_with("--") {
            (None, first)
        } else {
            let kw = crate::syntax::Keyword::parse(first);
            if kw == crate::syntax::Keyword::Unknown {
                return Err(format!("`{first}` is not a Dockerfile instruction"));
            }
            (Some(kw), words.next().unwrap_or(""))
        };
        if words.next().is_some() {
            return Err(format!("`{s}`: expected `[INSTRUCTION] --flag[=value]`"));
        }
        let Some(flag) = flag.strip_prefix("--").filter(|f| !f.is_empty()) else {
            return Err(format!("`{s}`: expected `[INSTRUCTION] --flag[=value]`"));
        };
        let (name, value) = match flag.split_once('=') {
            Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
            None => (flag.to_owned(), None),
        };
        Ok(Self {
            keyword,
            name,
            value,
        })
    }
}
