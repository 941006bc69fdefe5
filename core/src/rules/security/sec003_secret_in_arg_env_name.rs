use super::shared::VarOrigin;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::util::names::Names;

declare_rule! {
    /// ## What it does
    /// Reports `ARG` and `ENV` names that look like they hold a secret: names whose
    /// `_`-separated words include `apikey`, `auth`, `credential(s)`, `key`, `password`,
    /// `pword`, `passwd`, `secret` or `token`, plus well-known names such as `PGPASSWORD` or
    /// `MYSQL_PWD`.
    ///
    /// To stay quiet on the classic false positives it skips names that also contain a word
    /// like `public`, `file`, `path`, `url`, `name`, `id`, `user`, `version`, `sock` or `type`
    /// (`PASSWORD_FILE`, `SSH_AUTH_SOCK`, `PUBLIC_KEY`, `KEY_NAME`), values that are clearly not
    /// secrets (an absolute path, `true`/`false`, a number, an empty string) and
    /// `GPG_KEY`-style variables whose value is a 40-hex-digit key fingerprint, as the official
    /// python and ruby images use.
    ///
    /// ## Why is this bad?
    /// `ENV` values are stored in the image configuration, and build arguments are recorded in
    /// the image history (`docker history`) and in provenance attestations. Anyone who can pull
    /// the image can read them.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// ARG NPM_TOKEN
    /// RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
    /// ```
    ///
    /// ## Options
    /// `allow`: names to accept (case-insensitive), e.g. `allow = ["SONAR_TOKEN_TYPE"]`.
    pub SecretInArgEnvName {
        code: "SEC003",
        name: "secret-in-arg-env-name",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["DL3064", "SecretsUsedInArgOrEnv", "DS-0031"],
        summary: "ARG or ENV name suggests a secret",
        options: [
            ("allow", Strings, "names that are not secrets, case-insensitive (default: none)"),
        ],
    }
}

const SECRET_TOKENS: Names<()> = Names::new(&[
    ("apikey", ()),
    ("auth", ()),
    ("credential", ()),
    ("credentials", ()),
    ("key", ()),
    ("passwd", ()),
    ("password", ()),
    ("pword", ()),
    ("secret", ()),
    ("token", ()),
]);

const SAFE_TOKENS: Names<()> = Names::new(&[
    ("algorithm", ()),
    ("backend", ()),
    ("dir", ()),
    ("disabled", ()),
    ("enabled", ()),
    ("endpoint", ()),
    ("expires", ()),
    ("expiry", ()),
    ("field", ()),
    ("file", ()),
    ("files", ()),
    ("fingerprint", ()),
    ("format", ()),
    ("header", ()),
    ("host", ()),
    ("id", ()),
    ("keyid", ()),
    ("keyring", ()),
    ("keyserver", ()),
    ("length", ()),
    ("location", ()),
    ("method", ()),
    ("mode", ()),
    ("name", ()),
    ("path", ()),
    ("policy", ()),
    ("port", ()),
    ("prefix", ()),
    ("provider", ()),
    ("pub", ()),
    ("public", ()),
    ("required", ()),
    ("server", ()),
    ("size", ()),
    ("sock", ()),
    ("socket", ()),
    ("store", ()),
    ("timeout", ()),
    ("ttl", ()),
    ("type", ()),
    ("uri", ()),
    ("url", ()),
    ("user", ()),
    ("username", ()),
    ("version", ()),
]);

/// Well-known names that the token split misses or must always report.
const KNOWN: Names<()> = Names::new(&[
    ("ACCESS_TOKEN", ()),
    ("AWS_SECRET_ACCESS_KEY", ()),
    ("AWS_SESSION_TOKEN", ()),
    ("AZURE_CLIENT_SECRET", ()),
    ("BUNDLE_GITHUB__COM", ()),
    ("CARGO_REGISTRY_TOKEN", ()),
    ("CI_JOB_TOKEN", ()),
    ("DATABASE_PASSWORD", ()),
    ("DB_PASS", ()),
    ("DB_PASSWORD", ()),
    ("DOCKER_PASSWORD", ()),
    ("GH_TOKEN", ()),
    ("GITHUB_PAT", ()),
    ("GITHUB_TOKEN", ()),
    ("GITLAB_TOKEN", ()),
    ("GOOGLE_API_KEY", ()),
    ("HF_TOKEN", ()),
    ("HUGGING_FACE_HUB_TOKEN", ()),
    ("JWT_SECRET", ()),
    ("MYSQL_PWD", ()),
    ("NODE_AUTH_TOKEN", ()),
    ("NPM_TOKEN", ()),
    ("NUGET_API_KEY", ()),
    ("OPENAI_API_KEY", ()),
    ("PASSPHRASE", ()),
    ("PGPASSWORD", ()),
    ("PRIVATE_TOKEN", ()),
    ("PYPI_TOKEN", ()),
    ("REDIS_PASSWORD", ()),
    ("SECRET_KEY_BASE", ()),
    ("SENTRY_AUTH_TOKEN", ()),
    ("SLACK_TOKEN", ()),
    ("SONAR_TOKEN", ()),
    ("STRIPE_SECRET_KEY", ()),
    ("TWINE_PASSWORD", ()),
]);

/// Names that look like secrets but are known not to be (or to hold a path).
const KNOWN_SAFE: Names<()> = Names::new(&[
    ("AWS_ACCESS_KEY_ID", ()),
    ("GOOGLE_APPLICATION_CREDENTIALS", ()),
    ("GPG_KEYS", ()),
    ("SSH_AUTH_SOCK", ()),
]);

/// Whether `name` looks like a secret's. `scratch` is reused across names: a lint reads every
/// variable of the file, and case-mapped copies of each were a visible cost.
fn is_secret_name(name: &str, scratch: &mut String) -> bool {
    scratch.clear();
    scratch.push_str(name);
    scratch.make_ascii_uppercase();
    if KNOWN_SAFE.contains(scratch) {
        return false;
    }
    if KNOWN.contains(scratch) {
        return true;
    }
    scratch.make_ascii_lowercase();
    if any_token_in(scratch, &SAFE_TOKENS) {
        return false;
    }
    any_token_in(scratch, &SECRET_TOKENS)
}

/// Whether a token of `name` (split at `_` and `-`, empty ones skipped) is in `set`. Bytes,
/// not `str::split`: a char-set split decodes every char, several times the cost here.
fn any_token_in(name: &str, set: &Names<()>) -> bool {
    let bytes = name.as_bytes();
    let mut start = 0;
    for end in 0..=bytes.len() {
        if matches!(bytes.get(end), None | Some(b'_' | b'-')) {
            // `start` and `end` are at ASCII bytes or the ends: char boundaries.
            if end > start && name.get(start..end).is_some_and(|t| set.contains(t)) {
                return true;
            }
            start = end + 1;
        }
    }
    false
}

fn is_harmless_value(name: &str, value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if v.is_empty()
        || v.starts_with('/')
        || v.starts_with("./")
        || v.starts_with("~/")
        || matches!(
            lower.as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off"
        )
        || v.chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    // `GPG_KEY`, `NODE_GPG_KEY`… holding a public key fingerprint (40 hex digits, maybe spaced).
    let hex: String = v.chars().filter(|c| !c.is_whitespace()).collect();
    let upper = name.to_ascii_uppercase();
    upper.contains("GPG")
        && hex.len() % 40 == 0
        && !hex.is_empty()
        && hex.chars().all(|c| c.is_ascii_hexdigit())
}

impl Rule for SecretInArgEnvName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        // `[rules.secret-in-arg-env-name] allow = ["NPM_TOKEN_FILE"]`: names that are not secrets.
        let allow = cx.option_strings("allow");
        let mut scratch = String::new();
        for v in cx.var_settings() {
            if v.origin == VarOrigin::Run
                || allow.iter().any(|a| a.eq_ignore_ascii_case(v.name))
                || !is_secret_name(v.name, &mut scratch)
            {
                continue;
            }
            if let Some(value) = &v.value
                && is_harmless_value(v.name, value)
            {
                continue;
            }
            let (what, stored) = match v.origin {
                VarOrigin::Arg => ("ARG", "build arguments are recorded in the image history"),
                _ => ("ENV", "ENV values are stored in the image configuration"),
            };
            cx.report(
                v.name_range,
                format!("{what} `{}` looks like a secret: {stored}", v.name),
            )
            .set_help("pass secrets with `RUN --mount=type=secret,id=…` (or `--mount=type=secret,env=NAME`) so they never reach a layer or the history");
        }
    }
}
