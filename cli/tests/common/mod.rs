//! Runs the real `stowage` binary.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A builder for one invocation.
pub struct Stowage {
    cmd: Command,
    stdin: Option<Vec<u8>>,
}

pub fn stowage(args: &[&str]) -> Stowage {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stowage"));
    cmd.args(args)
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("STOWAGE_CONFIG");
    Stowage { cmd, stdin: None }
}

impl Stowage {
    pub fn cwd(mut self, dir: &Path) -> Self {
        self.cmd.current_dir(dir);
        self
    }

    pub fn env(mut self, k: &str, v: &str) -> Self {
        self.cmd.env(k, v);
        self
    }

    pub fn stdin(mut self, input: &str) -> Self {
        self.stdin = Some(input.as_bytes().to_vec());
        self
    }

    pub fn run(mut self) -> Run {
        self.cmd
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.cmd.spawn().expect("spawn stowage");
        if let Some(input) = self.stdin.take() {
            let mut stdin = child.stdin.take().expect("stdin");
            // The process may exit before reading (usage errors): a broken pipe is fine.
            let _ = stdin.write_all(&input);
        }
        let out = child.wait_with_output().expect("wait");
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        assert_ne!(run.code, 101, "stowage panicked: {}", run.stderr);
        run
    }
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("invalid JSON ({e}): {}", self.stdout))
    }
}

/// A temporary directory with files. It holds an empty `.git`, where the search for a
/// `stowage.toml` stops, so a stray config in a parent of the temp dir cannot leak in.
pub fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join(".git")).expect(".git marker");
    for (path, content) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    dir
}

/// Rule codes of a JSON lint report.
pub fn codes(report: &serde_json::Value) -> Vec<String> {
    report
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect()
}

pub const APT: &str = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nUSER app\n";
