//! Rule selectors: a code (`SZ001`), a name (`apt-install-recommends`), a family (`size`),
//! an alias from another tool (`DL3015`, `JSONArgsRecommended`, `CKV_DOCKER_3`), or `all`.

use crate::rules::{Family, RuleMeta, registry};
use crate::util::suggest::closest;

use super::ConfigError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selector {
    All,
    Family(Family),
    /// Index into the registry (a code or a name).
    Rule(usize),
    /// Another tool's id: selects every rule that carries it (`DS-0001` is two Stowage rules).
    Alias(&'static str),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectorError {
    pub selector: String,
    pub suggestion: Option<String>,
}

impl SelectorError {
    #[must_use]
    pub fn into_config_error(self, key: &str) -> ConfigError {
        let mut e = ConfigError::new(format!(
            "unknown rule, family or alias `{}` in `{key}`",
            self.selector
        ));
        e.key = Some(self.selector.clone());
        e.help = Some(match self.suggestion {
            Some(s) => format!("did you mean `{s}`?"),
            None => "run `stowage rules` to list every rule code and name".into(),
        });
        e
    }
}

impl std::fmt::Display for SelectorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule, family or alias `{}`", self.selector)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean `{s}`?)")?;
        }
        Ok(())
    }
}

fn matches_id(meta: &RuleMeta, s: &str) -> bool {
    meta.code.eq_ignore_ascii_case(s) || meta.name.eq_ignore_ascii_case(s)
}

impl Selector {
    /// Parses one selector.
    ///
    /// # Errors
    /// When nothing matches, with the closest code or name as a suggestion.
    pub fn parse(s: &str) -> Result<Self, SelectorError> {
        Self::find(s).ok_or_else(|| {
            let candidates = registry()
                .iter()
                .flat_map(|r| [r.meta().code, r.meta().name]);
            SelectorError {
                selector: s.trim().to_owned(),
                suggestion: closest(s.trim(), candidates).map(str::to_owned),
            }
        })
    }

    /// What `s` selects, if anything: [`Selector::parse`] without the suggestion, for callers
    /// that drop unknown names (suppression comments name shellcheck codes and the like).
    #[must_use]
    pub fn find(s: &str) -> Option<Self> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("all") {
            return Some(Self::All);
        }
        if let Some(f) = Family::parse(s) {
            return Some(Self::Family(f));
        }
        let rules = registry();
        if let Some(i) = rules.iter().position(|r| matches_id(r.meta(), s)) {
            return Some(Self::Rule(i));
        }
        rules
            .iter()
            .flat_map(|r| r.meta().aliases.iter())
            .find(|a| a.eq_ignore_ascii_case(s))
            .map(|alias| Self::Alias(alias))
    }

    /// Whether the rule at `index` is selected.
    #[must_use]
    pub fn selects(self, index: usize, meta: &RuleMeta) -> bool {
        match self {
            Self::All => true,
            Self::Family(f) => meta.family == f,
            Self::Rule(i) => i == index,
            Self::Alias(a) => meta.aliases.contains(&a),
        }
    }

    /// The registry indices this selector picks.
    #[must_use]
    pub fn rules(self) -> Vec<usize> {
        registry()
            .iter()
            .enumerate()
            .filter(|(i, r)| self.selects(*i, r.meta()))
            .map(|(i, _)| i)
            .collect()
    }

    /// How specific a selector is (a rule beats a family beats `all`), for precedence.
    #[must_use]
    pub const fn specificity(self) -> u8 {
        match self {
            Self::All => 0,
            Self::Family(_) => 1,
            Self::Rule(_) | Self::Alias(_) => 2,
        }
    }
}
