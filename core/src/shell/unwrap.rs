//! Wrapper stripping (`sudo`, `env`, `nice`, …) and `sh -c` string detection.

use super::parser::is_assignment_raw;
use super::{Command, Word, basename};

struct WrapperSpec {
    name: &'static str,
    /// Short flags that take a value (attached or as the next word).
    short_values: &'static str,
    /// Long flags (without `--`) that take a value when not given as `--flag=value`.
    long_values: &'static [&'static str],
    /// Positional words after the flags that belong to the wrapper (`timeout 10`).
    positionals: usize,
    /// `VAR=value` words are accepted among the flags (`env`, `sudo`).
    assignments: bool,
}

const fn spec(name: &'static str, short_values: &'static str) -> WrapperSpec {
    WrapperSpec {
        name,
        short_values,
        long_values: &[],
        positionals: 0,
        assignments: false,
    }
}

const WRAPPERS: &[WrapperSpec] = &[
    WrapperSpec {
        long_values: &[
            "user",
            "group",
            "prompt",
            "close-from",
            "other-user",
            "role",
            "type",
            "chdir",
            "chroot",
            "command-timeout",
            "host",
        ],
        assignments: true,
        ..spec("sudo", "ugpCUrtDRT")
    },
    WrapperSpec {
        long_values: &["user"],
        ..spec("doas", "uC")
    },
    WrapperSpec {
        long_values: &["unset", "chdir"],
        assignments: true,
        ..spec("env", "uC")
    },
    WrapperSpec {
        long_values: &["adjustment"],
        ..spec("nice", "n")
    },
    WrapperSpec {
        long_values: &["class", "classdata"],
        ..spec("ionice", "cnp")
    },
    spec("nohup", ""),
    WrapperSpec {
        long_values: &["format", "output"],
        ..spec("time", "fo")
    },
    spec("command", ""),
    spec("exec", "a"),
    spec("busybox", ""),
    spec("eatmydata", ""),
    WrapperSpec {
        long_values: &[
            "arg-file",
            "delimiter",
            "max-lines",
            "max-args",
            "max-procs",
            "max-chars",
            "process-slot-var",
        ],
        ..spec("xargs", "aEILnPsd")
    },
    WrapperSpec {
        long_values: &["input", "output", "error"],
        ..spec("stdbuf", "ioe")
    },
    WrapperSpec {
        long_values: &["signal", "kill-after"],
        positionals: 1,
        ..spec("timeout", "sk")
    },
    WrapperSpec {
        positionals: 1,
        ..spec("gosu", "")
    },
    WrapperSpec {
        positionals: 1,
        ..spec("su-exec", "")
    },
    WrapperSpec {
        long_values: &["userspec", "groups"],
        positionals: 1,
        ..spec("chroot", "")
    },
];

/// Number of words (starting at `i`) a wrapper occupies, or `None` if `words[i]` is not a
/// wrapper that is followed by a command.
fn wrapper_len(words: &[Word], i: usize) -> Option<usize> {
    let w = words.get(i)?;
    let base = basename(&w.value);
    let spec = WRAPPERS.iter().find(|s| s.name == base)?;
    let mut j = i + 1;
    while let Some(a) = words.get(j) {
        let v = a.value.as_str();
        if v == "--" {
            j += 1;
            break;
        }
        if spec.assignments && is_assignment_raw(v) {
            j += 1;
            continue;
        }
        if let Some(long) = v.strip_prefix("--") {
            j += 1;
            if !long.contains('=') && spec.long_values.contains(&long) {
                j += 1;
            }
            continue;
        }
        if let Some(shorts) = v.strip_prefix('-').filter(|s| !s.is_empty()) {
            if base == "command" && (shorts.contains('v') || shorts.contains('V')) {
                // `command -v x` only looks `x` up.
                return None;
            }
            j += 1;
            for (k, ch) in shorts.char_indices() {
                if spec.short_values.contains(ch) {
                    if k + ch.len_utf8() == shorts.len() {
                        j += 1;
                    }
                    break;
                }
            }
            continue;
        }
        break;
    }
    j += spec.positionals;
    (j < words.len()).then_some(j - i)
}

/// Splits a command's words into wrappers, name and arguments.
pub(super) fn split_wrappers(mut words: Vec<Word>) -> (Vec<Word>, Option<Word>, Vec<Word>) {
    let mut i = 0;
    while let Some(n) = wrapper_len(&words, i) {
        i += n;
    }
    let i = i.min(words.len());
    let rest = words.split_off(i);
    let mut rest = rest.into_iter();
    let name = rest.next();
    (words, name, rest.collect())
}

const SHELLS: &[&str] = &["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "yash"];

/// Index in `cmd.args` of the string to run as a nested script (`sh -c '…'`, `su -c '…'`).
pub(super) fn nested_script_arg(cmd: &Command) -> Option<usize> {
    let name = cmd.name_str();
    let args = &cmd.args;
    if SHELLS.contains(&name) {
        let mut has_c = false;
        let mut k = 0;
        while let Some(a) = args.get(k) {
            let v = a.value.as_str();
            if v == "--" || v == "-" {
                k += 1;
                break;
            }
            if v.starts_with("--") {
                k += if v == "--rcfile" || v == "--init-file" {
                    2
                } else {
                    1
                };
                continue;
            }
            if (v.starts_with('-') || v.starts_with('+')) && v.len() > 1 {
                let flags = v.get(1..).unwrap_or("");
                has_c |= flags.contains('c');
                k += if flags.contains('o') || flags.contains('O') {
                    2
                } else {
                    1
                };
                continue;
            }
            break;
        }
        return (has_c && k < args.len()).then_some(k);
    }
    if matches!(name, "su" | "runuser") {
        let mut k = 0;
        while let Some(a) = args.get(k) {
            let v = a.value.as_str();
            if v == "--" {
                return None;
            }
            if v == "-c" || v == "--command" || v == "--session-command" {
                return (k + 1 < args.len()).then_some(k + 1);
            }
            k += if matches!(
                v,
                "-s" | "--shell" | "-g" | "--group" | "-G" | "--supp-group"
            ) {
                2
            } else {
                1
            };
        }
    }
    None
}
