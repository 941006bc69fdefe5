//! Built-in presets for `extends`: `recommended`, `strict`, `security`, `hadolint`.

use crate::util::VecMap;

use crate::diagnostic::Severity;

use super::{Config, Selector};

/// A named configuration to build on.
pub struct Preset {
    pub name: &'static str,
    pub summary: &'static str,
    pub config: fn() -> Config,
}

/// Every preset, in the order the docs list them.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "recommended",
        summary: "the default: every rule enabled by default at its default severity",
        config: Config::default,
    },
    Preset {
        name: "strict",
        summary: "recommended plus version and digest pinning, HEALTHCHECK and numeric USER, as warnings",
        config: strict,
    },
    Preset {
        name: "security",
        summary: "syntax and security rules plus the CIS Docker Benchmark section 4 checks",
        config: security,
    },
    Preset {
        name: "hadolint",
        summary: "exactly the rules of hadolint's default rule set, at hadolint's severities",
        config: hadolint,
    },
];

/// A preset by name.
#[must_use]
pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

/// Rules `strict` turns on (with `recommended`'s set).
pub const STRICT_EXTRA: &[&str] = &[
    "REP003", "REP011", "REP012", "REP016", "REP017", "REP018", "REP022", "SEC033", "COR031",
];

fn strict() -> Config {
    let mut severity = VecMap::new();
    for code in ["REP003", "REP022", "SEC033"] {
        severity.insert(code.to_owned(), Severity::Warning);
    }
    Config {
        extend_select: strings(STRICT_EXTRA),
        severity,
        ..Config::default()
    }
}

/// CIS Docker Benchmark v1.6 section 4 items and the rules that check them (documented in
/// `docs/config.md` and the README).
pub const CIS_SECTION_4: &[(&str, &str, &[&str])] = &[
    ("4.1", "Create a user for the container", &["SEC001"]),
    (
        "4.2",
        "Use trusted base images",
        &["POL001", "POL002", "POL003", "REP001", "REP002"],
    ),
    (
        "4.3",
        "Do not install unnecessary packages",
        &["SZ001", "SZ016"],
    ),
    ("4.6", "Add HEALTHCHECK instructions", &["REP022"]),
    ("4.7", "Do not use update instructions alone", &["REP009"]),
    ("4.8", "Remove setuid and setgid permissions", &["SEC027"]),
    ("4.9", "Use COPY instead of ADD", &["SEC007", "SEC008"]),
    (
        "4.10",
        "Do not store secrets in Dockerfiles",
        &["SEC003", "SEC004", "SEC005", "SEC036"],
    ),
];

fn security() -> Config {
    let mut select = strings(&["syntax", "security"]);
    for (_, _, codes) in CIS_SECTION_4 {
        for c in *codes {
            if !select.iter().any(|s| s == c) {
                select.push((*c).to_owned());
            }
        }
    }
    let mut severity = VecMap::new();
    severity.insert("SEC001".to_owned(), Severity::Error);
    severity.insert("REP022".to_owned(), Severity::Warning);
    Config {
        select: Some(select),
        severity,
        ..Config::default()
    }
}

/// hadolint's rules: (code, default severity; `None` = off by default).
pub const HADOLINT_RULES: &[(&str, Option<Severity>)] = {
    use Severity::{Error as E, Info as I, Style as S, Warning as W};
    &[
        ("DL1001", None),
        ("DL3000", Some(E)),
        ("DL3001", Some(I)),
        ("DL3002", Some(W)),
        ("DL3003", Some(W)),
        ("DL3004", Some(E)),
        ("DL3006", Some(W)),
        ("DL3007", Some(W)),
        ("DL3008", Some(W)),
        ("DL3009", Some(I)),
        ("DL3010", Some(I)),
        ("DL3011", Some(E)),
        ("DL3012", Some(E)),
        ("DL3013", Some(W)),
        ("DL3014", Some(W)),
        ("DL3015", Some(I)),
        ("DL3016", Some(W)),
        ("DL3018", Some(W)),
        ("DL3019", Some(I)),
        ("DL3020", Some(E)),
        ("DL3021", Some(E)),
        ("DL3022", Some(W)),
        ("DL3023", Some(E)),
        ("DL3024", Some(E)),
        ("DL3025", Some(W)),
        ("DL3026", Some(E)),
        ("DL3027", Some(W)),
        ("DL3028", Some(W)),
        ("DL3029", Some(W)),
        ("DL3030", Some(W)),
        ("DL3032", Some(W)),
        ("DL3033", Some(W)),
        ("DL3034", Some(W)),
        ("DL3035", Some(W)),
        ("DL3036", Some(W)),
        ("DL3037", Some(W)),
        ("DL3038", Some(W)),
        ("DL3040", Some(W)),
        ("DL3041", Some(W)),
        ("DL3042", Some(W)),
        ("DL3043", Some(E)),
        ("DL3044", Some(E)),
        ("DL3045", Some(W)),
        ("DL3046", Some(W)),
        ("DL3047", Some(I)),
        ("DL3048", Some(S)),
        ("DL3049", Some(I)),
        ("DL3050", Some(I)),
        ("DL3051", Some(W)),
        ("DL3052", Some(W)),
        ("DL3053", Some(W)),
        ("DL3054", Some(W)),
        ("DL3055", Some(W)),
        ("DL3056", Some(W)),
        ("DL3057", None),
        ("DL3058", Some(W)),
        ("DL3059", Some(I)),
        ("DL3060", Some(I)),
        ("DL3061", Some(E)),
        ("DL3062", Some(W)),
        ("DL3063", Some(W)),
        ("DL3064", Some(W)),
        ("DL3065", Some(W)),
        ("DL3066", Some(I)),
        ("DL3067", Some(W)),
        ("DL4000", Some(E)),
        ("DL4001", Some(W)),
        ("DL4003", Some(W)),
        ("DL4004", Some(E)),
        ("DL4005", Some(W)),
        ("DL4006", Some(W)),
    ]
};

/// hadolint's default set: the Stowage rules aliased to a DL code hadolint enables by default,
/// each at hadolint's severity. hadolint codes Stowage has no rule for are left out.
fn hadolint() -> Config {
    let mut select = Vec::new();
    let mut severity = VecMap::new();
    for (code, sev) in HADOLINT_RULES {
        let Some(sev) = sev else { continue };
        if Selector::find(code).is_none() {
            continue;
        }
        select.push((*code).to_owned());
        severity.insert((*code).to_owned(), *sev);
    }
    Config {
        select: Some(select),
        severity,
        ..Config::default()
    }
}
