use super::shared::ships;
use crate::declare_rule;
use crate::rules::{Context, Rule, RuleMeta};
use crate::shell::basename;
use crate::syntax::{Args, Keyword};

declare_rule! {
    /// ## What it does
    /// Reports `COPY` and `ADD` sources that are usually secrets: `.env` files, SSH private
    /// keys (`id_rsa`, `id_ed25519`, …), private keys and key stores (`*.key`, `*.p12`,
    /// `*.pfx`, `*.jks`, `*key*.pem`), and credential files (`.npmrc`, `.pypirc`, `.netrc`,
    /// `.git-credentials`, `.aws/credentials`, `.docker/config.json`).
    ///
    /// Only stages that end up in the shipped image are checked (plus `ONBUILD` triggers);
    /// example files such as `.env.example` and public keys (`*.pub`) are fine, and so are
    /// copies from other stages (`--from`). Plain `*.pem` files are usually CA certificates and
    /// are not reported unless the name says `key`.
    ///
    /// ## Why is this bad?
    /// A file copied into a layer stays in the image even when a later step deletes it, and
    /// anyone who pulls the image can extract it.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY .npmrc package.json package-lock.json ./
    /// RUN npm ci
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:20-slim
    /// COPY package.json package-lock.json ./
    /// RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
    /// ```
    pub SecretFileCopied {
        code: "SEC005",
        name: "secret-file-copied",
        family: Security,
        severity: Warning,
        default_enabled: true,
        fix: None,
        aliases: [],
        summary: "COPY/ADD of a file that usually holds secrets",
    }
}

/// What secret a source path points to, if any.
pub(super) fn secret_file_kind(path: &str) -> Option<&'static str> {
    let path = path.trim_end_matches('/');
    let lower = path.to_ascii_lowercase();
    let base = basename(&lower);
    if lower.ends_with(".aws/credentials") {
        return Some("AWS credentials");
    }
    if lower.ends_with(".docker/config.json") {
        return Some("Docker registry credentials");
    }
    if base.ends_with(".pub") {
        return None;
    }
    if matches!(
        base,
        "id_rsa" | "id_dsa" | "id_ecdsa" | "id_ed25519" | "id_ecdsa_sk" | "id_ed25519_sk"
    ) {
        return Some("an SSH private key");
    }
    if base == ".env" || base.starts_with(".env.") {
        let suffix = base.trim_start_matches(".env.");
        if base != ".env"
            && matches!(
                suffix,
                "example" | "sample" | "template" | "dist" | "defaults" | "schema" | "tpl"
            )
        {
            return None;
        }
        return Some("an environment file with credentials");
    }
    match base {
        ".npmrc" => return Some("an npm config with registry tokens"),
        ".pypirc" => return Some("a PyPI config with credentials"),
        ".netrc" | "_netrc" => return Some("a .netrc with passwords"),
        ".git-credentials" => return Some("git credentials"),
        ".htpasswd" => return Some("a password file"),
        _ => {}
    }
    let ext = base.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "key" => Some("a private key"),
        "p12" | "pfx" | "jks" | "keystore" => Some("a key store"),
        "pem" if base.contains("key") || base.contains("priv") => Some("a private key"),
        _ => None,
    }
}

impl Rule for SecretFileCopied {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for kw in [Keyword::Copy, Keyword::Add] {
            for (i, ins, onbuild) in cx.instructions_with(kw) {
                if ins.flag("from").is_some() || !ships(cx, i, onbuild) {
                    continue;
                }
                let Args::Copy { paths, .. } = &ins.args else {
                    continue;
                };
                let Some((_, sources)) = paths.split_last() else {
                    continue;
                };
                for src in sources {
                    if src.text.starts_with("<<") || src.text.contains("://") {
                        continue;
                    }
                    let value = cx.model.expand_at(&src.text, i).value;
                    if let Some(kind) = secret_file_kind(&value) {
                        cx.report(src.range, format!("`{}` is {kind}; it is copied into the image", src.text))
                            .set_help("do not copy secrets into layers: mount them only for the step that needs them with `RUN --mount=type=secret,id=…`, and list them in .dockerignore");
                    }
                }
            }
        }
    }
}
