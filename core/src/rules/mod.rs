//! The rule engine: every rule is a unit struct in its own file, declared with
//! [`declare_rule!`](crate::declare_rule), grouped in folders by family.

pub(crate) mod context;
mod meta;

pub mod correctness;
#[cfg(feature = "docs")]
pub mod docs;
pub mod image;
pub mod policy;
pub mod reproducibility;
pub mod security;
pub mod size;
pub mod style;
pub mod syntax;

use std::sync::OnceLock;

use crate::shell::commands::{Family as CommandFamily, Tool};

pub(crate) use context::collect_scripts;
pub use context::{Context, ImageContext, RunScript, ScriptSource, scripts_of};
pub use meta::{Family, FixAvailability, OptionKind, RuleMeta, RuleOption, Target};

/// A check. Dockerfile rules implement `check`, image rules `check_image`.
pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;

    fn check(&self, _cx: &mut Context<'_>) {}

    fn check_image(&self, _cx: &mut ImageContext<'_>) {}

    /// The RUN commands this rule reports on, when it looks at nothing else: the linter skips
    /// the rule for a file whose scripts run none of them (most files use one package manager
    /// and a handful of tools, while ~40 rules are about one each). `None`, the default: the
    /// rule always runs.
    fn only_on(&self) -> Option<CommandKinds> {
        None
    }
}

/// The bit of a family, or every bit should the enum ever outgrow the set: a kind without a
/// bit of its own then matches everything, so no rule is skipped by mistake.
const fn family_bit(family: CommandFamily) -> u32 {
    match 1u32.checked_shl(family as u32) {
        Some(bit) => bit,
        None => u32::MAX,
    }
}

/// The bit of a tool (see [`family_bit`]).
const fn tool_bit(tool: Tool) -> u64 {
    match 1u64.checked_shl(tool as u32) {
        Some(bit) => bit,
        None => u64::MAX,
    }
}

/// Kinds of shell command, by package-manager family and by tool, as bit sets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CommandKinds {
    families: u32,
    tools: u64,
}

impl CommandKinds {
    pub const APT: Self = Self::family(CommandFamily::Apt);
    pub const APK: Self = Self::family(CommandFamily::Apk);
    pub const RPM: Self = Self::family(CommandFamily::Rpm);
    pub const NPM: Self = Self::family(CommandFamily::Npm);
    pub const PIP: Self = Self::family(CommandFamily::Pip);

    /// Commands of this package-manager family.
    #[must_use]
    pub const fn family(family: CommandFamily) -> Self {
        Self {
            families: family_bit(family),
            tools: 0,
        }
    }

    /// Commands that are this tool.
    #[must_use]
    pub const fn tool(tool: Tool) -> Self {
        Self {
            families: 0,
            tools: tool_bit(tool),
        }
    }

    /// Commands of either set.
    #[must_use]
    pub const fn or(self, other: Self) -> Self {
        Self {
            families: self.families | other.families,
            tools: self.tools | other.tools,
        }
    }

    /// The kinds of the commands in `scripts`.
    pub(crate) fn of(scripts: &[RunScript<'_>]) -> Self {
        let mut kinds = Self::default();
        for run in scripts {
            for c in &run.script.commands {
                kinds.families |= family_bit(c.family);
                kinds.tools |= tool_bit(c.tool);
            }
        }
        kinds
    }

    /// Some command is of a kind in both sets.
    #[must_use]
    pub const fn meets(self, other: Self) -> bool {
        self.families & other.families != 0 || self.tools & other.tools != 0
    }
}

/// Every rule, in code order. Built once.
#[must_use]
pub fn registry() -> &'static [&'static dyn Rule] {
    static REGISTRY: OnceLock<Vec<&'static dyn Rule>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut all: Vec<&'static dyn Rule> = Vec::new();
        all.extend_from_slice(syntax::RULES);
        all.extend_from_slice(style::RULES);
        all.extend_from_slice(correctness::RULES);
        all.extend_from_slice(security::RULES);
        all.extend_from_slice(size::RULES);
        all.extend_from_slice(reproducibility::RULES);
        all.extend_from_slice(policy::RULES);
        all.extend_from_slice(image::RULES);
        crate::util::sort::sort_by_key(&mut all, |r| r.meta().code);
        all
    })
}

/// The registry index of the rule with this exact code (the registry is sorted by code).
#[must_use]
pub(crate) fn registry_index(code: &str) -> Option<usize> {
    registry()
        .binary_search_by_key(&code, |r| r.meta().code)
        .ok()
}

/// A rule by code, name or alias.
#[must_use]
pub fn find(selector: &str) -> Option<&'static dyn Rule> {
    registry().iter().copied().find(|r| {
        let m = r.meta();
        m.code.eq_ignore_ascii_case(selector)
            || m.name.eq_ignore_ascii_case(selector)
            || m.aliases.iter().any(|a| a.eq_ignore_ascii_case(selector))
    })
}
