//! The image rules as plain functions over an [`ImageDocument`].
//!
//! Rule names are stable (tools rely on them); every finding points at the most precise JSON
//! value available.

use std::sync::OnceLock;

use regex_lite::Regex;
use serde::Serialize;

use super::history::split_build_args;
use super::model::{
    ContainerConfig, Descriptor, DocumentKind, ImageDocument, Platform, media_types as mt,
};
use crate::text::TextRange;

pub const RUNS_AS_ROOT: &str = "image-runs-as-root";
pub const SECRET_IN_ENV: &str = "image-secret-in-env";
pub const SECRET_IN_HISTORY: &str = "image-secret-in-history";
pub const EXPOSES_SSH: &str = "image-exposes-ssh";
pub const NO_HEALTHCHECK: &str = "image-no-healthcheck";
pub const MISSING_OCI_LABELS: &str = "image-missing-oci-labels";
pub const SIZE_BUDGET: &str = "image-size-budget";
pub const LARGE_LAYER: &str = "image-large-layer";
pub const LAYER_COUNT: &str = "image-layer-count";
pub const SINGLE_PLATFORM: &str = "image-single-platform";
pub const NO_ATTESTATIONS: &str = "image-no-attestations";
pub const SCHEMA1_DEPRECATED: &str = "image-schema1-deprecated";
pub const NON_DISTRIBUTABLE_LAYERS: &str = "image-non-distributable-layers";
pub const LATEST_TAG: &str = "image-latest-tag";

/// Every rule name, in a stable order.
pub const RULES: &[&str] = &[
    RUNS_AS_ROOT,
    SECRET_IN_ENV,
    SECRET_IN_HISTORY,
    EXPOSES_SSH,
    NO_HEALTHCHECK,
    MISSING_OCI_LABELS,
    SIZE_BUDGET,
    LARGE_LAYER,
    LAYER_COUNT,
    SINGLE_PLATFORM,
    NO_ATTESTATIONS,
    SCHEMA1_DEPRECATED,
    NON_DISTRIBUTABLE_LAYERS,
    LATEST_TAG,
];

/// Layers below this size never trigger the "share of the image" part of `image-large-layer`.
const SHARE_FLOOR_BYTES: u64 = 10_000_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImageFinding {
    pub rule: &'static str,
    pub message: String,
    pub range: TextRange,
    pub pointer: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImageOptions {
    pub size_budget_bytes: u64,
    pub large_layer_bytes: u64,
    /// Share of the total above which a layer is "large" (only with more than one layer).
    pub large_layer_share: f64,
    pub max_layers: usize,
    pub required_platforms: Vec<String>,
    pub require_multi_platform: bool,
    pub required_labels: Vec<String>,
    pub reference: Option<String>,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self {
            size_budget_bytes: 1_000_000_000,
            large_layer_bytes: 500_000_000,
            large_layer_share: 0.5,
            max_layers: 50,
            required_platforms: vec!["linux/amd64".to_owned(), "linux/arm64".to_owned()],
            require_multi_platform: false,
            required_labels: vec![
                "org.opencontainers.image.source".to_owned(),
                "org.opencontainers.image.version".to_owned(),
                "org.opencontainers.image.revision".to_owned(),
            ],
            reference: None,
        }
    }
}

/// Human size with decimal units: `512 B`, `1.3 GB`.
#[must_use]
pub fn human_size(bytes: u64) -> String {
    crate::util::number::human_size(bytes)
}

fn finding(rule: &'static str, range: TextRange, pointer: &str, message: String) -> ImageFinding {
    ImageFinding {
        rule,
        message,
        range,
        pointer: pointer.to_owned(),
    }
}

/// Runs every rule on `doc`.
#[must_use]
pub fn check(doc: &ImageDocument, opts: &ImageOptions) -> Vec<ImageFinding> {
    let mut out = Vec::new();
    for cfg in configs(doc) {
        check_config(cfg, opts, &mut out);
    }
    if doc.kind == DocumentKind::ImageConfig || doc.kind == DocumentKind::LegacyImageJson {
        if let Some(ic) = &doc.image_config {
            if ic.config.is_none() {
                out.push(finding(
                    RUNS_AS_ROOT,
                    ic.range,
                    "/config",
                    "image runs as root implicitly: the config has no \"config\" section, so no User is set".to_owned(),
                ));
                out.push(finding(
                    NO_HEALTHCHECK,
                    ic.range,
                    "/config",
                    "image has no HEALTHCHECK (no \"config\" section)".to_owned(),
                ));
            }
        }
    }
    check_history_secrets(doc, &mut out);
    check_sizes(doc, opts, &mut out);
    check_layer_count(doc, opts, &mut out);
    check_platforms(doc, opts, &mut out);
    check_attestations(doc, &mut out);
    if matches!(
        doc.kind,
        DocumentKind::DockerSchema1 | DocumentKind::DockerSchema1Signed
    ) {
        let (range, pointer) = doc
            .schema_version
            .as_ref()
            .map_or((doc.range, ""), |s| (s.range, "/schemaVersion"));
        out.push(finding(
            SCHEMA1_DEPRECATED,
            range,
            pointer,
            format!(
                "Docker image manifest schema 1{} is deprecated and no longer pulled by current Docker Engine; push the image again with schema 2 or OCI",
                if doc.kind == DocumentKind::DockerSchema1Signed { " (signed)" } else { "" }
            ),
        ));
    }
    for l in &doc.layers {
        if let Some(m) = &l.media_type {
            if mt::is_non_distributable(&m.value) {
                out.push(finding(
                    NON_DISTRIBUTABLE_LAYERS,
                    l.range,
                    &l.pointer,
                    format!(
                        "layer {} is non-distributable ({}): registries may refuse it and air-gapped pulls fail{}",
                        short_digest(l),
                        m.value,
                        if l.urls.is_empty() { "" } else { "; it is fetched from external URLs" }
                    ),
                ));
            }
        }
    }
    check_latest(doc, opts, &mut out);
    out
}

fn short_digest(d: &Descriptor) -> String {
    d.digest.as_ref().map_or_else(
        || "(no digest)".to_owned(),
        |g| {
            let v = &g.value;
            let cut = v.find(':').map_or(0, |i| i + 1) + 12;
            v.get(..cut).unwrap_or(v).to_owned()
        },
    )
}

fn configs(doc: &ImageDocument) -> Vec<&ContainerConfig> {
    let mut v: Vec<&ContainerConfig> = Vec::new();
    if let Some(c) = doc.image_config.as_ref().and_then(|ic| ic.config.as_ref()) {
        v.push(c);
    }
    v.extend(doc.inspect.iter().filter_map(|e| e.config.as_ref()));
    v
}

fn check_config(cfg: &ContainerConfig, opts: &ImageOptions, out: &mut Vec<ImageFinding>) {
    // image-runs-as-root
    match &cfg.user {
        None => out.push(finding(
            RUNS_AS_ROOT,
            cfg.range,
            &format!("{}/User", cfg.pointer),
            "image runs as root implicitly: no User is set in the config".to_owned(),
        )),
        Some(u) => {
            let v = u.value.trim();
            let user = v.split(':').next().unwrap_or("");
            if v.is_empty() {
                out.push(finding(
                    RUNS_AS_ROOT,
                    u.range,
                    &u.pointer,
                    "image runs as root implicitly: User is empty".to_owned(),
                ));
            } else if user == "root" || user == "0" {
                out.push(finding(
                    RUNS_AS_ROOT,
                    u.range,
                    &u.pointer,
                    format!("image runs as root explicitly: User is {v:?}"),
                ));
            }
        }
    }
    // image-secret-in-env
    for e in &cfg.env {
        let (name, value) = e.value.split_once('=').unwrap_or((&e.value, ""));
        if let Some(kind) = secret_value_kind(value) {
            out.push(finding(
                SECRET_IN_ENV,
                e.range,
                &e.pointer,
                format!("environment variable {name} holds what looks like {kind} ({}); it is readable by anyone who pulls the image", mask(value)),
            ));
        } else if is_secret_name(name) && is_real_value(value) {
            out.push(finding(
                SECRET_IN_ENV,
                e.range,
                &e.pointer,
                format!("environment variable {name} looks like a secret and has a value ({}) baked into the image", mask(value)),
            ));
        }
    }
    // image-exposes-ssh
    for p in &cfg.exposed_ports {
        let port = p.value.split('/').next().unwrap_or("");
        let proto = p.value.split('/').nth(1).unwrap_or("tcp");
        if port == "22" && proto.eq_ignore_ascii_case("tcp") {
            out.push(finding(
                EXPOSES_SSH,
                p.range,
                &p.pointer,
                format!(
                    "image exposes SSH port {}; use `docker exec` instead of an SSH daemon",
                    p.value
                ),
            ));
        }
    }
    // image-no-healthcheck
    match &cfg.healthcheck {
        None => out.push(finding(
            NO_HEALTHCHECK,
            cfg.range,
            &format!("{}/Healthcheck", cfg.pointer),
            "image has no HEALTHCHECK".to_owned(),
        )),
        Some(h) if h.value.first().is_some_and(|t| t == "NONE") => out.push(finding(
            NO_HEALTHCHECK,
            h.range,
            &h.pointer,
            "image disables its HEALTHCHECK (Test is NONE)".to_owned(),
        )),
        Some(_) => {}
    }
    // image-missing-oci-labels
    let missing: Vec<&str> = opts
        .required_labels
        .iter()
        .filter(|l| {
            !cfg.labels
                .iter()
                .any(|(k, v)| k == *l && !v.value.trim().is_empty())
        })
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        out.push(finding(
            MISSING_OCI_LABELS,
            cfg.labels_range.unwrap_or(cfg.range),
            &format!("{}/Labels", cfg.pointer),
            format!(
                "image is missing {} of {} required label{}: {}",
                missing.len(),
                opts.required_labels.len(),
                if opts.required_labels.len() == 1 {
                    ""
                } else {
                    "s"
                },
                missing.join(", ")
            ),
        ));
    }
}

// ---------------------------------------------------------------------------------------------
// Secrets

fn mask(value: &str) -> String {
    let n = value.chars().count();
    if n <= 4 {
        "****".to_owned()
    } else {
        let head: String = value.chars().take(3).collect();
        format!("{head}… {n} chars")
    }
}

fn is_real_value(value: &str) -> bool {
    let v = value.trim().trim_matches(['"', '\'']);
    !v.is_empty() && !v.starts_with('$') && !v.starts_with('<')
}

/// Whether a variable name looks like it holds a secret.
#[must_use]
pub fn is_secret_name(name: &str) -> bool {
    let n = name.to_ascii_uppercase();
    let excluded = n.ends_with("_FILE")
        || n.ends_with("_PATH")
        || n.ends_with("_DIR")
        || n.contains("PUBLIC")
        || n.contains("VERSION")
        || n.ends_with("_URL")
        || n.ends_with("_HOST")
        || n.ends_with("_USER")
        || n.ends_with("_NAME")
        || n.ends_with("_ID") && !n.contains("SECRET");
    if excluded {
        return false;
    }
    n.ends_with("_TOKEN")
        || n == "TOKEN"
        || n.contains("PASSWORD")
        || n.contains("PASSWD")
        || n.contains("SECRET")
        || n == "API_KEY"
        || n.ends_with("_API_KEY")
        || n.ends_with("APIKEY")
        || n.ends_with("ACCESS_KEY")
        || n.contains("PRIVATE_KEY")
        || n.ends_with("_AUTH")
        || n.ends_with("CREDENTIALS")
}

fn secret_patterns() -> &'static [(Regex, &'static str)] {
    static PATTERNS: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        [
            (r"AKIA[0-9A-Z]{16}", "an AWS access key id"),
            (r"\bgh[pousr]_[A-Za-z0-9]{30,}", "a GitHub token"),
            (r"github_pat_[A-Za-z0-9_]{20,}", "a GitHub token"),
            (r"glpat-[A-Za-z0-9_-]{20,}", "a GitLab token"),
            (r"\bnpm_[A-Za-z0-9]{36}", "an npm token"),
            (r"xox[baprs]-[A-Za-z0-9-]{10,}", "a Slack token"),
            (r"-----BEGIN [A-Z ]*PRIVATE KEY-----", "a private key"),
            (
                r"[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@$]+:[^/\s@$]+@[A-Za-z0-9.-]+",
                "a URL with embedded credentials",
            ),
        ]
        .into_iter()
        .filter_map(|(re, what)| Regex::new(re).ok().map(|r| (r, what)))
        .collect()
    })
}

/// What kind of secret `value` contains, if any.
#[must_use]
pub fn secret_value_kind(value: &str) -> Option<&'static str> {
    secret_patterns()
        .iter()
        .find(|(re, _)| re.is_match(value))
        .map(|(_, what)| *what)
}

fn check_history_secrets(doc: &ImageDocument, out: &mut Vec<ImageFinding>) {
    let Some(ic) = &doc.image_config else { return };
    for h in &ic.history {
        let Some(cb) = &h.created_by else { continue };
        let text = cb.value.trim();
        let body = text.strip_prefix("RUN ").unwrap_or(text);
        let (args, _) = split_build_args(body);
        let mut names: Vec<(String, String)> = args;
        // BuildKit records `ARG NAME=value` steps verbatim.
        if let Some(rest) = text.strip_prefix("ARG ") {
            let rest = rest.trim_end_matches("# buildkit").trim();
            if let Some((k, v)) = rest.split_once('=') {
                names.push((k.trim().to_owned(), v.trim().to_owned()));
            }
        }
        let flagged = names
            .iter()
            .find(|(k, v)| is_secret_name(k) && is_real_value(v));
        if let Some((k, v)) = flagged {
            out.push(finding(
                SECRET_IN_HISTORY,
                cb.range,
                &cb.pointer,
                format!("history step {} records build argument {k} with a value ({}); build args are stored in the image, use `RUN --mount=type=secret`", h.index, mask(v)),
            ));
        } else if let Some(kind) = secret_value_kind(text) {
            out.push(finding(
                SECRET_IN_HISTORY,
                cb.range,
                &cb.pointer,
                format!("history step {} contains what looks like {kind}; the build command is stored in the image", h.index),
            ));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Sizes and layers

#[expect(
    clippy::cast_precision_loss,
    reason = "a ratio of sizes does not need exact integers"
)]
fn share(part: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        part as f64 / total as f64
    }
}

fn check_sizes(doc: &ImageDocument, opts: &ImageOptions, out: &mut Vec<ImageFinding>) {
    if doc.kind.is_manifest() {
        let total: u64 = doc
            .layers
            .iter()
            .filter_map(|l| l.size.as_ref().map(|s| s.value))
            .fold(0u64, u64::saturating_add);
        if total > opts.size_budget_bytes {
            out.push(finding(
                SIZE_BUDGET,
                doc.list_range.unwrap_or(doc.range),
                "/layers",
                format!(
                    "image layers total {} ({} layers), over the budget of {}",
                    human_size(total),
                    doc.layers.len(),
                    human_size(opts.size_budget_bytes)
                ),
            ));
        }
        let many = doc.layers.len() > 1;
        for l in &doc.layers {
            let Some(size) = l.size.as_ref().map(|s| s.value) else {
                continue;
            };
            let sh = share(size, total);
            if size > opts.large_layer_bytes {
                out.push(finding(
                    LARGE_LAYER,
                    l.range,
                    &l.pointer,
                    format!(
                        "layer {} is {} (over {}), {}% of the image",
                        short_digest(l),
                        human_size(size),
                        human_size(opts.large_layer_bytes),
                        crate::util::number::percent(sh, 0)
                    ),
                ));
            } else if many && size >= SHARE_FLOOR_BYTES && sh > opts.large_layer_share {
                out.push(finding(
                    LARGE_LAYER,
                    l.range,
                    &l.pointer,
                    format!(
                        "layer {} is {}, {}% of the image's {}",
                        short_digest(l),
                        human_size(size),
                        crate::util::number::percent(sh, 0),
                        human_size(total)
                    ),
                ));
            }
        }
    }
    for e in &doc.inspect {
        if let Some(s) = &e.size {
            if s.value > opts.size_budget_bytes {
                out.push(finding(
                    SIZE_BUDGET,
                    s.range,
                    &s.pointer,
                    format!(
                        "image {}is {}, over the budget of {}",
                        e.repo_tags
                            .first()
                            .map(|t| format!("{} ", t.value))
                            .unwrap_or_default(),
                        human_size(s.value),
                        human_size(opts.size_budget_bytes)
                    ),
                ));
            }
        }
    }
}

fn check_layer_count(doc: &ImageDocument, opts: &ImageOptions, out: &mut Vec<ImageFinding>) {
    let mut report = |n: usize, range: TextRange, pointer: &str| {
        if n > opts.max_layers {
            out.push(finding(
                LAYER_COUNT,
                range,
                pointer,
                format!(
                    "image has {n} layers, more than the maximum of {}",
                    opts.max_layers
                ),
            ));
        }
    };
    if doc.kind.is_manifest() {
        report(
            doc.layers.len(),
            doc.list_range.unwrap_or(doc.range),
            "/layers",
        );
    }
    if let Some(ic) = &doc.image_config {
        if let Some(first) = ic.diff_ids.first() {
            report(ic.diff_ids.len(), first.range, "/rootfs/diff_ids");
        }
    }
    if let Some(s) = &doc.schema1 {
        let n = s.fs_layers.len();
        if let Some(first) = s.fs_layers.first() {
            report(n, first.range, "/fsLayers");
        }
    }
    for e in &doc.inspect {
        report(
            e.rootfs_layers.len(),
            e.range,
            &format!("{}/RootFS/Layers", e.pointer),
        );
    }
    for s in &doc.save {
        report(s.layers.len(), s.range, &format!("{}/Layers", s.pointer));
    }
}

// ---------------------------------------------------------------------------------------------
// Platforms, attestations

fn is_attestation_entry(d: &Descriptor) -> bool {
    d.annotation("vnd.docker.reference.type") == Some("attestation-manifest")
        || d.artifact_type
            .as_ref()
            .is_some_and(|a| is_attestation_type(&a.value))
}

fn is_attestation_type(t: &str) -> bool {
    let t = t.to_ascii_lowercase();
    t.contains("in-toto")
        || t.contains("spdx")
        || t.contains("cyclonedx")
        || t.contains("sbom")
        || t.contains("provenance")
}

fn platform_matches(p: &Platform, required: &str) -> bool {
    let mut parts = required.split('/');
    let os = parts.next().unwrap_or("");
    let arch = parts.next().unwrap_or("");
    let variant = parts.next();
    p.os == os && p.architecture == arch && variant.is_none_or(|v| p.variant.as_deref() == Some(v))
}

fn check_platforms(doc: &ImageDocument, opts: &ImageOptions, out: &mut Vec<ImageFinding>) {
    if doc.kind.is_index() {
        let platforms: Vec<&Platform> = doc
            .manifests
            .iter()
            .filter(|m| !is_attestation_entry(m))
            .filter_map(|m| m.platform.as_ref())
            .filter(|p| !(p.os == "unknown" && p.architecture == "unknown"))
            .collect();
        let missing: Vec<&str> = opts
            .required_platforms
            .iter()
            .filter(|r| !platforms.iter().any(|p| platform_matches(p, r)))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            let mut have: Vec<String> = platforms.iter().map(|p| p.display()).collect();
            have.dedup();
            out.push(finding(
                SINGLE_PLATFORM,
                doc.list_range.unwrap_or(doc.range),
                "/manifests",
                format!(
                    "index is missing {} of {} required platform{}: {} (has {})",
                    missing.len(),
                    opts.required_platforms.len(),
                    if opts.required_platforms.len() == 1 {
                        ""
                    } else {
                        "s"
                    },
                    missing.join(", "),
                    if have.is_empty() {
                        "no entry declares a platform".to_owned()
                    } else {
                        have.join(", ")
                    }
                ),
            ));
        }
    } else if opts.require_multi_platform
        && matches!(
            doc.kind,
            DocumentKind::OciManifest | DocumentKind::DockerManifestV2
        )
    {
        out.push(finding(
            SINGLE_PLATFORM,
            doc.range,
            "",
            format!(
                "image is a single-platform manifest; publish an index for {}",
                opts.required_platforms.join(", ")
            ),
        ));
    }
}

fn check_attestations(doc: &ImageDocument, out: &mut Vec<ImageFinding>) {
    if !doc.kind.is_index() {
        return;
    }
    if doc.manifests.iter().any(is_attestation_entry) {
        return;
    }
    out.push(finding(
        NO_ATTESTATIONS,
        doc.list_range.unwrap_or(doc.range),
        "/manifests",
        format!(
            "index has {} manifest{} but no attestation (provenance/SBOM); build with `--provenance=true --sbom=true`",
            doc.manifests.len(),
            if doc.manifests.len() == 1 { "" } else { "s" }
        ),
    ));
}

// ---------------------------------------------------------------------------------------------
// Tags

/// The tag of an image reference: `Some("")` when there is neither tag nor digest.
fn tag_of(reference: &str) -> Option<&str> {
    if reference.contains('@') {
        return None;
    }
    let last = reference.rsplit('/').next().unwrap_or(reference);
    Some(last.split_once(':').map_or("", |(_, t)| t))
}

fn check_latest(doc: &ImageDocument, opts: &ImageOptions, out: &mut Vec<ImageFinding>) {
    if let Some(r) = &opts.reference {
        match tag_of(r) {
            Some("latest") => out.push(finding(
                LATEST_TAG,
                doc.range,
                "",
                format!(
                    "image reference {r:?} uses the mutable :latest tag; pin a version or digest"
                ),
            )),
            Some("") => out.push(finding(
                LATEST_TAG,
                doc.range,
                "",
                format!(
                    "image reference {r:?} has no tag, which means :latest; pin a version or digest"
                ),
            )),
            _ => {}
        }
    }
    let tags = doc
        .inspect
        .iter()
        .flat_map(|e| e.repo_tags.iter())
        .chain(doc.save.iter().flat_map(|s| s.repo_tags.iter()));
    for t in tags {
        if t.value.contains("<none>") {
            continue;
        }
        match tag_of(&t.value) {
            Some("latest") => out.push(finding(
                LATEST_TAG,
                t.range,
                &t.pointer,
                format!(
                    "image is tagged {:?}; :latest is mutable, tag a version",
                    t.value
                ),
            )),
            Some("") => out.push(finding(
                LATEST_TAG,
                t.range,
                &t.pointer,
                format!(
                    "image tag {:?} has no tag part, which means :latest",
                    t.value
                ),
            )),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::analyze;

    fn run(src: &str, opts: &ImageOptions) -> Vec<ImageFinding> {
        let a = analyze(src);
        check(a.document.as_ref().unwrap(), opts)
    }

    fn rules(src: &str) -> Vec<&'static str> {
        run(src, &ImageOptions::default())
            .iter()
            .map(|f| f.rule)
            .collect()
    }

    fn config(cfg: &str) -> String {
        format!(
            r#"{{"architecture":"amd64","os":"linux","rootfs":{{"type":"layers","diff_ids":[]}},"config":{cfg}}}"#
        )
    }

    const GOOD_CFG: &str = r#"{"User":"app","Env":["PATH=/usr/bin","GPG_KEY=ABC","PASSWORD_FILE=/run/secrets/p"],
        "ExposedPorts":{"8080/tcp":{}},"Healthcheck":{"Test":["CMD","true"]},
        "Labels":{"org.opencontainers.image.source":"s","org.opencontainers.image.version":"1","org.opencontainers.image.revision":"r"}}"#;

    #[test]
    fn clean_config_has_no_findings() {
        assert!(
            rules(&config(GOOD_CFG)).is_empty(),
            "{:?}",
            rules(&config(GOOD_CFG))
        );
    }

    #[test]
    fn runs_as_root() {
        let src = config(r#"{"User":"0:0"}"#);
        let f = run(&src, &ImageOptions::default());
        let root = f.iter().find(|f| f.rule == RUNS_AS_ROOT).unwrap();
        assert!(root.message.contains("explicitly"));
        assert_eq!(root.range.slice(&src), "\"0:0\"");
        assert_eq!(root.pointer, "/config/User");
        let f = run(&config(r#"{"User":""}"#), &ImageOptions::default());
        assert!(
            f.iter()
                .any(|f| f.rule == RUNS_AS_ROOT && f.message.contains("implicitly"))
        );
        assert!(rules(&config("{}")).contains(&RUNS_AS_ROOT));
        assert!(!rules(&config(r#"{"User":"1000:0"}"#)).contains(&RUNS_AS_ROOT));
    }

    #[test]
    fn secret_in_env() {
        for env in [
            "GITHUB_TOKEN=abc123",
            "DB_PASSWORD=hunter2",
            "AWS_SECRET_ACCESS_KEY=abc",
            "X=AKIAABCDEFGHIJKLMNOP",
            "DATABASE_URL=postgres://u:pw@db/x",
            "K=ghp_abcdefghijklmnopqrstuvwxyz0123456789",
        ] {
            let src = config(&format!(r#"{{"Env":["{env}"]}}"#));
            let f = run(&src, &ImageOptions::default());
            let s = f.iter().find(|f| f.rule == SECRET_IN_ENV);
            assert!(s.is_some(), "{env}");
            assert_eq!(s.unwrap().pointer, "/config/Env/0");
        }
        for env in [
            "PASSWORD_FILE=/x",
            "GPG_KEY=ABCD",
            "TOKEN_VERSION=3",
            "DB_PASSWORD=",
            "PUBLIC_KEY=x",
            "URL=https://example.com/a",
        ] {
            let src = config(&format!(r#"{{"Env":["{env}"]}}"#));
            assert!(!rules(&src).contains(&SECRET_IN_ENV), "{env}");
        }
    }

    #[test]
    fn secret_in_history() {
        let h = |cb: &str| {
            format!(
                r#"{{"architecture":"amd64","os":"linux","rootfs":{{"type":"layers","diff_ids":[]}},"config":{GOOD_CFG},"history":[{{"created_by":"{cb}"}}]}}"#
            )
        };
        assert!(rules(&h("|2 NPM_TOKEN=abc V=1 /bin/sh -c npm ci")).contains(&SECRET_IN_HISTORY));
        assert!(
            rules(&h("RUN |1 API_KEY=abc /bin/sh -c make # buildkit")).contains(&SECRET_IN_HISTORY)
        );
        assert!(rules(&h("ARG TOKEN=abc")).contains(&SECRET_IN_HISTORY));
        assert!(
            rules(&h(
                "RUN /bin/sh -c git clone https://u:p4ss@github.com/x # buildkit"
            ))
            .contains(&SECRET_IN_HISTORY)
        );
        assert!(!rules(&h("|1 VERSION=1 /bin/sh -c make")).contains(&SECRET_IN_HISTORY));
        assert!(!rules(&h("ARG TOKEN")).contains(&SECRET_IN_HISTORY));
    }

    #[test]
    fn ssh_healthcheck_labels() {
        let src = config(
            r#"{"User":"a","ExposedPorts":{"22/tcp":{}},"Healthcheck":{"Test":["NONE"]},"Labels":{"org.opencontainers.image.source":"x"}}"#,
        );
        let f = run(&src, &ImageOptions::default());
        let ssh = f.iter().find(|f| f.rule == EXPOSES_SSH).unwrap();
        assert_eq!(ssh.range.slice(&src), "\"22/tcp\"");
        assert_eq!(ssh.pointer, "/config/ExposedPorts/22~1tcp");
        assert!(
            f.iter()
                .any(|f| f.rule == NO_HEALTHCHECK && f.message.contains("NONE"))
        );
        let labels = f.iter().find(|f| f.rule == MISSING_OCI_LABELS).unwrap();
        assert!(labels.message.contains("2 of 3"));
        assert!(!rules(&config(r#"{"ExposedPorts":{"2222/tcp":{}}}"#)).contains(&EXPOSES_SSH));
    }

    fn manifest(sizes: &[u64], layer_mt: &str) -> String {
        let layers: Vec<String> = sizes
            .iter()
            .map(|s| {
                format!(
                    r#"{{"mediaType":"{layer_mt}","size":{s},"digest":"sha256:{}"}}"#,
                    "a".repeat(64)
                )
            })
            .collect();
        format!(
            r#"{{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{{"mediaType":"application/vnd.oci.image.config.v1+json","size":1,"digest":"sha256:{}"}},"layers":[{}]}}"#,
            "b".repeat(64),
            layers.join(",")
        )
    }

    #[test]
    fn sizes_and_counts() {
        let gz = mt::OCI_LAYER_GZIP;
        assert!(rules(&manifest(&[1000, 2000], gz)).is_empty());
        let src = manifest(&[600_000_000, 600_000_000], gz);
        let f = run(&src, &ImageOptions::default());
        let budget = f.iter().find(|f| f.rule == SIZE_BUDGET).unwrap();
        assert!(budget.message.contains("1.2 GB"), "{}", budget.message);
        assert_eq!(f.iter().filter(|f| f.rule == LARGE_LAYER).count(), 2);
        let large = f.iter().find(|f| f.rule == LARGE_LAYER).unwrap();
        assert_eq!(large.pointer, "/layers/0");
        let f = rules(&manifest(&[20_000_000, 100_000_000], gz));
        assert_eq!(f, vec![LARGE_LAYER]);
        let f = rules(&manifest(&vec![10; 51], gz));
        assert_eq!(f, vec![LAYER_COUNT]);
        let f = rules(&manifest(&[10], mt::OCI_LAYER_ND_GZIP));
        assert_eq!(f, vec![NON_DISTRIBUTABLE_LAYERS]);
        let opts = ImageOptions {
            require_multi_platform: true,
            ..ImageOptions::default()
        };
        let f = run(&manifest(&[10], gz), &opts);
        assert!(f.iter().any(|f| f.rule == SINGLE_PLATFORM));
    }

    fn index(entries: &[&str]) -> String {
        let d = format!(r#""size":1,"digest":"sha256:{}""#, "c".repeat(64));
        let ms: Vec<String> = entries
            .iter()
            .map(|e| {
                format!(r#"{{"mediaType":"application/vnd.oci.image.manifest.v1+json",{d},{e}}}"#)
            })
            .collect();
        format!(
            r#"{{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{}]}}"#,
            ms.join(",")
        )
    }

    #[test]
    fn platforms_and_attestations() {
        let amd = r#""platform":{"os":"linux","architecture":"amd64"}"#;
        let arm = r#""platform":{"os":"linux","architecture":"arm64","variant":"v8"}"#;
        let att = r#""platform":{"os":"unknown","architecture":"unknown"},"annotations":{"vnd.docker.reference.type":"attestation-manifest"}"#;
        assert!(rules(&index(&[amd, arm, att])).is_empty());
        let f = run(&index(&[amd, att]), &ImageOptions::default());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, SINGLE_PLATFORM);
        assert!(f[0].message.contains("linux/arm64"));
        assert_eq!(rules(&index(&[amd, arm])), vec![NO_ATTESTATIONS]);
    }

    #[test]
    fn schema1_and_latest() {
        let s1 = r#"{"schemaVersion":1,"name":"a","tag":"latest","fsLayers":[],"history":[]}"#;
        assert!(rules(s1).contains(&SCHEMA1_DEPRECATED));
        let save = r#"[{"Config":"c.json","RepoTags":["app:latest","app:1.0","app"],"Layers":["a/layer.tar"]}]"#;
        let f = run(save, &ImageOptions::default());
        assert_eq!(f.iter().filter(|f| f.rule == LATEST_TAG).count(), 2);
        let opts = ImageOptions {
            reference: Some("registry:5000/app".to_owned()),
            ..ImageOptions::default()
        };
        assert!(
            run(&manifest(&[1], mt::OCI_LAYER_GZIP), &opts)
                .iter()
                .any(|f| f.rule == LATEST_TAG)
        );
        let opts = ImageOptions {
            reference: Some("registry:5000/app:1.2".to_owned()),
            ..ImageOptions::default()
        };
        assert!(run(&manifest(&[1], mt::OCI_LAYER_GZIP), &opts).is_empty());
        let opts = ImageOptions {
            reference: Some("app@sha256:abc".to_owned()),
            ..ImageOptions::default()
        };
        assert!(run(&manifest(&[1], mt::OCI_LAYER_GZIP), &opts).is_empty());
    }

    #[test]
    fn inspect_rules() {
        let src = r#"[{"Id":"sha256:1","RepoTags":["app:latest"],"Size":2000000000,"Config":{"User":"","Env":["A=1"]},"RootFS":{"Layers":[]}}]"#;
        let r = rules(src);
        for rule in [
            RUNS_AS_ROOT,
            SIZE_BUDGET,
            LATEST_TAG,
            NO_HEALTHCHECK,
            MISSING_OCI_LABELS,
        ] {
            assert!(r.contains(&rule), "{rule}: {r:?}");
        }
    }

    #[test]
    fn human_sizes() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(1_300_000_000), "1.3 GB");
        assert_eq!(human_size(u64::MAX), "18446.7 PB");
    }
}
