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

pub(crate) use context::collect_scripts;
pub use context::{Context, ImageContext, RunScript, ScriptSource, scripts_of};
pub use meta::{Family, FixAvailability, OptionKind, RuleMeta, RuleOption, Target};

/// A check. Dockerfile rules implement `check`, image rules `check_image`.
pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;

    fn check(&self, _cx: &mut Context<'_>) {}

    fn check_image(&self, _cx: &mut ImageContext<'_>) {}
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
