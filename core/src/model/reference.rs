//! Image references: `[registry/]repository[:tag][@digest]`, split the way Docker does.

use serde::Serialize;

/// A parsed image reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImageRef {
    /// `None` means Docker Hub.
    pub registry: Option<String>,
    /// Path within the registry, e.g. `library/node` is written `node`.
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl ImageRef {
    /// Parses a reference; `None` when it is empty or malformed (spaces, empty parts).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        if s.is_empty() || s.chars().any(char::is_whitespace) {
            return None;
        }
        let (name_tag, digest) = match s.split_once('@') {
            Some((n, d)) => (n, Some(d.to_owned())),
            None => (s, None),
        };
        if digest.as_deref().is_some_and(|d| !is_valid_digest(d)) || name_tag.is_empty() {
            return None;
        }
        // The tag is after the last ':' that comes after the last '/'.
        let last_slash = name_tag.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match name_tag[last_slash..].rfind(':') {
            Some(i) => (
                &name_tag[..last_slash + i],
                Some(name_tag[last_slash + i + 1..].to_owned()),
            ),
            None => (name_tag, None),
        };
        if tag
            .as_deref()
            .is_some_and(|t| t.is_empty() || t.len() > 128)
            || name.is_empty()
        {
            return None;
        }
        let (registry, repository) = match name.split_once('/') {
            Some((first, rest)) if first.contains(['.', ':']) || first == "localhost" => {
                (Some(first.to_owned()), rest.to_owned())
            }
            _ => (None, name.to_owned()),
        };
        if repository.is_empty() || repository.split('/').any(str::is_empty) {
            return None;
        }
        Some(Self {
            registry,
            repository,
            tag,
            digest,
        })
    }

    /// The registry host, with Docker Hub spelled out.
    #[must_use]
    pub fn registry_or_default(&self) -> &str {
        self.registry.as_deref().unwrap_or("docker.io")
    }

    /// The repository without Docker Hub's implicit `library/` (`node`, `bitnami/redis`).
    #[must_use]
    pub fn short_name(&self) -> &str {
        self.repository
            .strip_prefix("library/")
            .unwrap_or(&self.repository)
    }

    /// The last path component (`node` for `docker.io/library/node`).
    #[must_use]
    pub fn image_name(&self) -> &str {
        self.repository
            .rsplit('/')
            .next()
            .unwrap_or(&self.repository)
    }

    #[must_use]
    pub fn is_docker_hub(&self) -> bool {
        matches!(
            self.registry.as_deref(),
            None | Some("docker.io" | "index.docker.io" | "registry-1.docker.io")
        )
    }
}

fn is_valid_digest(d: &str) -> bool {
    let Some((alg, hex)) = d.split_once(':') else {
        return false;
    };
    !alg.is_empty() && hex.len() >= 32 && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_registry_repo_tag_digest() {
        let r = ImageRef::parse("gcr.io/distroless/static:nonroot").unwrap();
        assert_eq!(
            (
                r.registry.as_deref(),
                r.repository.as_str(),
                r.tag.as_deref()
            ),
            (Some("gcr.io"), "distroless/static", Some("nonroot"))
        );
        let r = ImageRef::parse("localhost:5000/app").unwrap();
        assert_eq!(
            (r.registry.as_deref(), r.tag),
            (Some("localhost:5000"), None)
        );
        let d = format!("node:20@sha256:{}", "a".repeat(64));
        let r = ImageRef::parse(&d).unwrap();
        assert_eq!(
            (r.tag.as_deref(), r.digest.is_some(), r.is_docker_hub()),
            (Some("20"), true, true)
        );
        assert!(ImageRef::parse("node:").is_none());
        assert!(ImageRef::parse("a b").is_none());
    }
}
