use super::shared::is_falsy;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports npm/yarn/pnpm TLS verification turned off, both ways it is done:
    /// `NPM_CONFIG_STRICT_SSL=false` (also `npm_config_strict_ssl`, `YARN_STRICT_SSL`) in
    /// `ENV`, `ARG` or a `RUN` assignment, and `npm config set strict-ssl false` /
    /// `yarn config set strict-ssl false`. Checkov has one check for each form
    /// (`CKV2_DOCKER_12`, `CKV2_DOCKER_13`); they are one problem, so this is one rule.
    ///
    /// ## Why is this bad?
    /// The package manager then accepts any certificate from the registry: packages can be
    /// replaced in transit. Trust a private CA with `cafile` / `NODE_EXTRA_CA_CERTS` instead.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN npm config set strict-ssl false && npm ci
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// RUN npm config set cafile /etc/ssl/certs/corp-ca.pem && npm ci
    /// ```
    pub NpmStrictSslDisabled {
        code: "SEC022",
        name: "npm-strict-ssl-disabled",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: ["CKV2_DOCKER_12", "CKV2_DOCKER_13"],
        summary: "npm/yarn strict-ssl turned off",
    }
}

const HELP: &str =
    "keep strict-ssl on; trust a private CA with `npm config set cafile …` or NODE_EXTRA_CA_CERTS";

impl Rule for NpmStrictSslDisabled {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for v in cx.var_settings() {
            // Case-insensitive, without an upper-case copy of every variable's name.
            if [
                "NPM_CONFIG_STRICT_SSL",
                "YARN_STRICT_SSL",
                "PNPM_CONFIG_STRICT_SSL",
            ]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(v.name))
                && v.value.is_some_and(is_falsy)
            {
                cx.report(
                    v.range,
                    format!("{} turns off TLS verification for the registry", v.name),
                )
                .set_help(HELP);
            }
        }
        for (run, npm) in cx.views().npm_commands() {
            let cmd = npm.command;
            if !npm.strict_ssl_off {
                continue;
            }
            let Some(w) = npm
                .args
                .positionals
                .iter()
                .find(|w| w.value.starts_with("strict-ssl"))
            else {
                continue;
            };
            let mut range = run.file_range(w.range);
            if w.value == "strict-ssl"
                && let Some(next) = npm
                    .args
                    .positionals
                    .iter()
                    .find(|n| n.range.start > w.range.start)
            {
                range = range.cover(run.file_range(next.range));
            }
            cx.report(
                range,
                format!(
                    "`{} config` turns off TLS verification for the registry",
                    cmd.name_str()
                ),
            )
            .set_help(HELP);
        }
    }
}
