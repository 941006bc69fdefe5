//! A built-in, versioned table of common base images and their slimmer variants.
//!
//! # Source and date of the figures
//! Every size is the **compressed** (download/registry) size of the `linux/amd64` image as
//! shown on the image's Docker Hub tag page (gcr.io for the distroless images), rounded to
//! the nearest 5 MB (1 MB below 10 MB), as of **June 2024** ([`TABLE_VERSION`]). They are
//! approximate: every point release moves them by a few megabytes, and the uncompressed size
//! on disk is typically 2.5–3× larger. Treat them as ±20 %.
//!
//! | image (example tag)                         | compressed | source, date               |
//! |---------------------------------------------|-----------:|----------------------------|
//! | `node:20` (bookworm)                        |   ~390 MB  | Docker Hub, 2024-06        |
//! | `node:20-slim`                              |    ~70 MB  | Docker Hub, 2024-06        |
//! | `node:20-alpine`                            |    ~45 MB  | Docker Hub, 2024-06        |
//! | `gcr.io/distroless/nodejs20-debian12`       |    ~45 MB  | gcr.io, 2024-06            |
//! | `python:3.12` (bookworm)                    |   ~370 MB  | Docker Hub, 2024-06        |
//! | `python:3.12-slim`                          |    ~45 MB  | Docker Hub, 2024-06        |
//! | `python:3.12-alpine`                        |    ~20 MB  | Docker Hub, 2024-06        |
//! | `golang:1.22` (bookworm)                    |   ~290 MB  | Docker Hub, 2024-06        |
//! | `golang:1.22-alpine`                        |    ~80 MB  | Docker Hub, 2024-06        |
//! | `gcr.io/distroless/static-debian12`         |     ~1 MB  | gcr.io, 2024-06            |
//! | `eclipse-temurin:21` (JDK, jammy)           |   ~190 MB  | Docker Hub, 2024-06        |
//! | `eclipse-temurin:21-jre`                    |    ~85 MB  | Docker Hub, 2024-06        |
//! | `eclipse-temurin:21-jre-alpine`             |    ~65 MB  | Docker Hub, 2024-06        |
//! | `openjdk:21` (deprecated, oraclelinux)      |   ~240 MB  | Docker Hub, 2024-06        |
//! | `ruby:3.3` (bookworm)                       |   ~360 MB  | Docker Hub, 2024-06        |
//! | `ruby:3.3-slim`                             |    ~65 MB  | Docker Hub, 2024-06        |
//! | `ruby:3.3-alpine`                           |    ~35 MB  | Docker Hub, 2024-06        |
//! | `php:8.3` / `php:8.3-cli` / `-apache`       |   ~170 MB  | Docker Hub, 2024-06        |
//! | `php:8.3-cli-alpine`, `php:8.3-fpm-alpine`  |    ~35 MB  | Docker Hub, 2024-06        |
//! | `debian:12`                                 |    ~50 MB  | Docker Hub, 2024-06        |
//! | `debian:12-slim`                            |    ~30 MB  | Docker Hub, 2024-06        |
//! | `ubuntu:24.04`                              |    ~30 MB  | Docker Hub, 2024-06        |
//! | `alpine:3.20`                               |   ~3.5 MB  | Docker Hub, 2024-06        |
//!
//! Only full (non-slim, non-alpine) variants are looked up: a slim or alpine tag is already
//! the small choice, and `alpine` itself is the floor.

use serde::Serialize;

/// The date of the figures; bump it when they are refreshed.
pub const TABLE_VERSION: &str = "2024-06";

const MB: u64 = 1_000_000;

/// One candidate replacement for a base image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Alternative {
    /// The image reference to use instead (tag derived from the current one).
    pub image: String,
    /// Approximate compressed size in bytes.
    pub compressed_bytes: u64,
    /// What changes for the application.
    pub caveat: &'static str,
}

/// What the table knows about a base image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BaseAdvice {
    /// The table row the current image matched (`node:20`).
    pub matched: &'static str,
    /// Approximate compressed size of the current image, in bytes.
    pub compressed_bytes: u64,
    /// The recommended replacement first, then the others.
    pub alternatives: Vec<Alternative>,
    /// The image is a build toolchain (golang, JDK) best used only in a builder stage.
    pub toolchain: bool,
}

/// The variant family of a tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Variant {
    Full,
    Slim,
    Alpine,
    Jre,
}

fn variant(repo: &str, tag: &str) -> Variant {
    let t = tag.to_ascii_lowercase();
    if t.contains("alpine") {
        Variant::Alpine
    } else if t.contains("slim") || t.contains("distroless") {
        Variant::Slim
    } else if matches!(repo, "eclipse-temurin" | "openjdk") && t.contains("jre") {
        Variant::Jre
    } else {
        Variant::Full
    }
}

/// The version part of a tag (`20` of `20-bookworm`), `None` for no tag or `latest`.
fn version(tag: Option<&str>) -> Option<&str> {
    let t = tag?;
    if t.eq_ignore_ascii_case("latest") {
        return None;
    }
    Some(t.split('-').next().unwrap_or(t))
}

/// `repo:version-suffix`, or `repo:suffix` without a version.
fn with_suffix(repo: &str, version: Option<&str>, suffix: &str) -> String {
    match version {
        Some(v) => format!("{repo}:{v}-{suffix}"),
        None => format!("{repo}:{suffix}"),
    }
}

/// The major version of a tag (`20` of `20.11.1`), for distroless names.
fn major(version: Option<&str>) -> Option<&str> {
    version
        .and_then(|v| v.split('.').next())
        .filter(|m| !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()))
}

/// The table's advice for a Docker Hub image (`repository` without `library/`), when the tag
/// is a full variant the table knows.
#[must_use]
pub fn lookup(repository: &str, tag: Option<&str>) -> Option<BaseAdvice> {
    let repo = repository
        .strip_prefix("library/")
        .unwrap_or(repository)
        .to_ascii_lowercase();
    let repo = repo.as_str();
    if variant(repo, tag.unwrap_or("")) != Variant::Full {
        return None;
    }
    let v = version(tag);
    let alt = |image: String, mb: u64, caveat: &'static str| Alternative {
        image,
        compressed_bytes: mb * MB,
        caveat,
    };
    let advice = match repo {
        "node" => {
            let mut alts = vec![
                alt(
                    with_suffix("node", v, "slim"),
                    70,
                    "same Debian and glibc; no git, python3, make or gcc, so build native modules in a builder stage",
                ),
                alt(
                    with_suffix("node", v, "alpine"),
                    45,
                    "musl libc: native modules must be rebuilt for Alpine, some prebuilt binaries do not exist for musl",
                ),
            ];
            if let Some(m) = major(v) {
                alts.push(alt(
                    format!("gcr.io/distroless/nodejs{m}-debian12"),
                    45,
                    "no shell and no npm: copy node_modules from a builder stage and use an exec-form CMD",
                ));
            }
            BaseAdvice {
                matched: "node:20",
                compressed_bytes: 390 * MB,
                alternatives: alts,
                toolchain: false,
            }
        }
        "python" => BaseAdvice {
            matched: "python:3.12",
            compressed_bytes: 370 * MB,
            alternatives: vec![
                alt(
                    with_suffix("python", v, "slim"),
                    45,
                    "same Debian and glibc, no compilers or -dev headers: build wheels that need them in a builder stage",
                ),
                alt(
                    with_suffix("python", v, "alpine"),
                    20,
                    "musl libc: many wheels are not published for musl and compile from source (slower, needs build tools)",
                ),
            ],
            toolchain: false,
        },
        "golang" => BaseAdvice {
            matched: "golang:1.22",
            compressed_bytes: 290 * MB,
            alternatives: vec![
                alt(
                    "gcr.io/distroless/static-debian12".to_owned(),
                    1,
                    "runtime stage only: build with CGO_ENABLED=0 in a golang builder stage and copy the binary",
                ),
                alt(
                    "alpine:3.20".to_owned(),
                    4,
                    "runtime stage only, when the program needs a shell or CA tools at run time",
                ),
            ],
            toolchain: true,
        },
        "eclipse-temurin" | "openjdk" => {
            let m = major(v).unwrap_or("21");
            BaseAdvice {
                matched: if repo == "openjdk" {
                    "openjdk:21"
                } else {
                    "eclipse-temurin:21"
                },
                compressed_bytes: if repo == "openjdk" { 240 } else { 190 } * MB,
                alternatives: vec![
                    alt(
                        format!("eclipse-temurin:{m}-jre"),
                        85,
                        "a JRE cannot compile: build the jar in a JDK builder stage (the openjdk images are deprecated)",
                    ),
                    alt(
                        format!("eclipse-temurin:{m}-jre-alpine"),
                        65,
                        "musl libc; fine for pure-Java applications",
                    ),
                ],
                toolchain: true,
            }
        }
        "ruby" => BaseAdvice {
            matched: "ruby:3.3",
            compressed_bytes: 360 * MB,
            alternatives: vec![
                alt(
                    with_suffix("ruby", v, "slim"),
                    65,
                    "no compilers: gems with native extensions need build-essential in a builder stage",
                ),
                alt(
                    with_suffix("ruby", v, "alpine"),
                    35,
                    "musl libc: native gems compile from source",
                ),
            ],
            toolchain: false,
        },
        "php" => {
            let flavour = tag
                .map(str::to_ascii_lowercase)
                .and_then(|t| {
                    ["fpm", "zts", "cli"]
                        .into_iter()
                        .find(|f| t.split('-').any(|p| p == *f))
                })
                .unwrap_or("cli");
            BaseAdvice {
                matched: "php:8.3-cli",
                compressed_bytes: 170 * MB,
                alternatives: vec![alt(
                    with_suffix("php", v, &format!("{flavour}-alpine")),
                    35,
                    "musl libc; extensions are installed with docker-php-ext-install as before (apache variants have no Alpine build: use fpm behind a web server)",
                )],
                toolchain: false,
            }
        }
        "debian" => {
            let slim = match tag {
                Some(t) if !t.eq_ignore_ascii_case("latest") && !t.contains('-') => {
                    format!("debian:{t}-slim")
                }
                _ => "debian:stable-slim".to_owned(),
            };
            BaseAdvice {
                matched: "debian:12",
                compressed_bytes: 50 * MB,
                alternatives: vec![alt(
                    slim,
                    30,
                    "no man pages, locales or documentation; everything else is the same",
                )],
                toolchain: false,
            }
        }
        "ubuntu" => BaseAdvice {
            matched: "ubuntu:24.04",
            compressed_bytes: 30 * MB,
            alternatives: vec![alt(
                "alpine:3.20".to_owned(),
                4,
                "a different distribution (apk, musl libc): worth it only for static or musl-built programs",
            )],
            toolchain: false,
        },
        _ => return None,
    };
    Some(advice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_variants_get_slimmer_tags() {
        let a = lookup("node", Some("20")).unwrap();
        assert_eq!(a.alternatives[0].image, "node:20-slim");
        assert_eq!(
            a.alternatives[2].image,
            "gcr.io/distroless/nodejs20-debian12"
        );
        assert_eq!(
            lookup("library/python", Some("3.12-bookworm"))
                .unwrap()
                .alternatives[0]
                .image,
            "python:3.12-slim"
        );
        assert_eq!(
            lookup("python", None).unwrap().alternatives[0].image,
            "python:slim"
        );
        assert_eq!(
            lookup("debian", Some("bookworm")).unwrap().alternatives[0].image,
            "debian:bookworm-slim"
        );
        assert_eq!(
            lookup("php", Some("8.3-fpm")).unwrap().alternatives[0].image,
            "php:8.3-fpm-alpine"
        );
        assert!(lookup("golang", Some("1.22")).unwrap().toolchain);
        assert_eq!(
            lookup("openjdk", Some("17-jdk")).unwrap().alternatives[0].image,
            "eclipse-temurin:17-jre"
        );
    }

    #[test]
    fn slim_and_alpine_are_left_alone() {
        assert!(lookup("node", Some("20-slim")).is_none());
        assert!(lookup("python", Some("3.12-alpine3.19")).is_none());
        assert!(lookup("eclipse-temurin", Some("21-jre")).is_none());
        assert!(lookup("alpine", Some("3.20")).is_none());
        assert!(lookup("someone/node", Some("20")).is_none());
    }
}
