//! Finding Dockerfiles and reading their build-context inputs.

use std::path::{Path, PathBuf};

use stowage_core::Inputs;

use crate::error::CliError;

/// What `stowage lint` checks: a file on disk or standard input.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

/// Whether a file name looks like a Dockerfile: `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`,
/// `*.dockerfile`, `Containerfile`, `Containerfile.*` (but not `Dockerfile.dockerignore`).
pub fn is_dockerfile_name(name: &str) -> bool {
    if name.ends_with(".dockerignore") {
        return false;
    }
    name == "Dockerfile"
        || name == "Containerfile"
        || name.starts_with("Dockerfile.")
        || name.starts_with("Containerfile.")
        || (name.len() > ".dockerfile".len()
            && (name.ends_with(".Dockerfile") || name.ends_with(".dockerfile")))
}

/// Expands the command-line paths into sources, in a stable order. Named files are always
/// checked; directories are walked honouring `.gitignore`, `.ignore` and git excludes.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<Source>, CliError> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| CliError::read(p, &e))?;
        if !meta.is_dir() {
            out.push(Source::File(p.clone()));
            continue;
        }
        let mut found = Vec::new();
        let walker = ignore::WalkBuilder::new(p)
            .hidden(false)
            .require_git(false)
            .filter_entry(|e| e.file_name() != ".git")
            .build();
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    return Err(CliError::new(format!("cannot search {}: {e}", p.display())));
                }
            };
            if entry.file_type().is_some_and(|t| t.is_file())
                && is_dockerfile_name(&entry.file_name().to_string_lossy())
            {
                found.push(clean(entry.path()));
            }
        }
        found.sort();
        out.extend(found.into_iter().map(Source::File));
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|s| seen.insert(s.clone()));
    Ok(out)
}

/// `./a/Dockerfile` → `a/Dockerfile`.
fn clean(p: &Path) -> PathBuf {
    p.strip_prefix(".")
        .map_or_else(|_| p.to_path_buf(), Path::to_path_buf)
}

/// The `.dockerignore` that applies to a Dockerfile, as BuildKit picks it: `<file>.dockerignore`
/// beside the Dockerfile wins over `.dockerignore` in the build context (taken to be the
/// Dockerfile's directory).
pub fn dockerignore_for(dockerfile: &Path) -> Inputs {
    let dir = dockerfile.parent().unwrap_or(Path::new(""));
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let mut candidates = Vec::new();
    if let Some(name) = dockerfile.file_name() {
        let mut n = name.to_os_string();
        n.push(".dockerignore");
        candidates.push(dir.join(n));
    }
    candidates.push(dir.join(".dockerignore"));
    let dockerignore = candidates
        .iter()
        .find_map(|c| std::fs::read(c).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    Inputs {
        dockerignore,
        dockerignore_checked: true,
        ..Inputs::default()
    }
}

#[cfg(test)]
mod tests {
    use super::is_dockerfile_name;

    #[test]
    fn names() {
        for yes in [
            "Dockerfile",
            "Dockerfile.dev",
            "api.Dockerfile",
            "api.dockerfile",
            "Containerfile",
            "Containerfile.arm64",
        ] {
            assert!(is_dockerfile_name(yes), "{yes}");
        }
        for no in [
            "Dockerfile.dockerignore",
            ".dockerfile",
            "README.md",
            "dockerfile-lint",
            "Dockerfiles",
        ] {
            assert!(!is_dockerfile_name(no), "{no}");
        }
    }
}
