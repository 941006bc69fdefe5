//! Wrapper stripping (`sudo`, `env`, `nice`, …) and `sh -c` string detection.

use super::parser::is_assignment_raw;
use super::{Command, Word, basename};
use crate::util::names::Names;

struct WrapperSpec {
    /// Short flags that take a value (attached or as the next word).
    short_values: &'static str,
    /// Long flags (without `--`) that take a value when not given as `--flag=value`.
    long_values: &'static [&'static str],
    /// Positional words after the flags that belong to the wrapper (`timeout 10`).
    positionals: usize,
    /// `VAR=value` words are accepted among the flags (`env`, `sudo`).
    assignments: bool,
}

const fn spec(short_values: &'static str) -> WrapperSpec {
    WrapperSpec {
        short_values,
        long_values: &[],
        positionals: 0,
        assignments: false,
    }
}

/// Commands that run the command after their own flags, by name.
const WRAPPERS: Names<WrapperSpec> = Names::new(&[
    (
        "sudo",
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
            ..spec("ugpCUrtDRT")
        },
    ),
    (
        "stdbuf",
        WrapperSpec {
            long_values: &["input", "output", "error"],
            ..spec("ioe")
        },
    ),
    (
        "su-exec",
        WrapperSpec {
            positionals: 1,
            ..spec("")
        },
    ),
    (
        "doas",
        WrapperSpec {
            long_values: &["user"],
            ..spec("uC")
        },
    ),
    (
        "env",
        WrapperSpec {
            long_values: &["unset", "chdir"],
            assignments: true,
            ..spec("uC")
        },
    ),
    ("exec", spec("a")),
    ("eatmydata", spec("")),
    (
        "nice",
        WrapperSpec {
            long_values: &["adjustment"],
            ..spec("n")
        },
    ),
    ("nohup", spec("")),
    (
        "ionice",
        WrapperSpec {
            long_values: &["class", "classdata"],
            ..spec("cnp")
        },
    ),
    (
        "time",
        WrapperSpec {
            long_values: &["format", "output"],
            ..spec("fo")
        },
    ),
    (
        "timeout",
        WrapperSpec {
            long_values: &["signal", "kill-after"],
            positionals: 1,
            ..spec("sk")
        },
    ),
    ("command", spec("")),
    (
        "chroot",
        WrapperSpec {
            long_values: &["userspec", "groups"],
            positionals: 1,
            ..spec("")
        },
    ),
    ("busybox", spec("")),
    (
        "xargs",
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
            ..spec("aEILnPsd")
        },
    ),
    (
        "gosu",
        WrapperSpec {
            positionals: 1,
            ..spec("")
        },
    ),
]);

/// Number of words (starting at `i`) a wrapper occupies, or `None` if `words[i]` is not a
/// wrapper that is followed by a command.
fn wrapper_len(words: &[Word], i: usize) -> Option<usize> {
    let w = words.get(i)?;
    let base = basename(&w.value);
    let spec = WRAPPERS.get(base)?;
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
pub(super) fn split_wrappers(words: Vec<Word>) -> (Vec<Word>, Option<Word>, Vec<Word>) {
    let mut i = 0;
    while let Some(n) = wrapper_len(&words, i) {
        i += n;
    }
    // The arguments keep the words' buffer (collecting a `vec::IntoIter` reuses it); only
    // commands with wrappers allocate, for the wrappers.
    let mut words = words.into_iter();
    let wrappers = words.by_ref().take(i).collect();
    let name = words.next();
    (wrappers, name, words.collect())
}

/// The POSIX-like shells (by command name).
pub(crate) const SHELLS: Names<()> = Names::new(&[
    ("sh", ()),
    ("bash", ()),
    ("dash", ()),
    ("ash", ()),
    ("zsh", ()),
    ("ksh", ()),
    ("mksh", ()),
    ("yash", ()),
]);

/// Index in `cmd.args` of the string to run as a nested script (`sh -c '…'`, `su -c '…'`).
pub(super) fn nested_script_arg(cmd: &Command) -> Option<usize> {
    let name = cmd.name_str();
    let args = &cmd.args;
    if SHELLS.contains(name) {
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
