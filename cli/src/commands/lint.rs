//! `stowage lint`: check, fix or diff Dockerfiles.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use stowage_core::{Diagnostic, Inputs, Severity};

use crate::CmdResult;
use crate::args::{Kind, LintArgs, LintFormat, Threshold};
use crate::config::{ConfigResolver, Overrides, Resolved};
use crate::discover::{self, Source};
use crate::error::CliError;
use crate::formats::{self, FileReport};
use crate::out::{self, Paint};

/// One file to check, with everything read from disk.
struct Job {
    source: Source,
    /// The name reported for it.
    display: String,
    bytes: Vec<u8>,
    inputs: Inputs,
    resolved: Arc<Resolved>,
    /// An image document rather than a Dockerfile.
    image: bool,
}

/// What checking one file produced.
struct Outcome {
    text: String,
    diagnostics: Vec<Diagnostic>,
    /// Set when fixing: the fixed text if it differs from the input.
    fixed: Option<String>,
    applied: Vec<&'static str>,
    notes: Vec<String>,
}

#[derive(Clone, Copy)]
enum Mode {
    Check,
    Fix { unsafe_fixes: bool },
    Diff { unsafe_fixes: bool },
}

pub fn run(args: &LintArgs) -> CmdResult {
    let overrides = Overrides {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        target: args.target.clone(),
    };
    overrides.validate()?;
    let mode = if args.diff {
        Mode::Diff {
            unsafe_fixes: args.unsafe_fixes,
        }
    } else if args.fix {
        Mode::Fix {
            unsafe_fixes: args.unsafe_fixes,
        }
    } else {
        Mode::Check
    };
    let mut resolver = ConfigResolver::new(args.config.clone(), args.isolated, overrides);
    let sources = discover::collect(&args.paths)?;
    if sources.iter().filter(|s| **s == Source::Stdin).count() > 1 {
        return Err(CliError::new("`-` (standard input) can be given only once"));
    }
    if sources.is_empty() {
        // Still validate the configuration so a broken file is not silently accepted.
        resolver.for_dir(Path::new("."))?;
        out::stderr(
            "stowage: warning: no Dockerfiles found (looked for Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile, Containerfile.*)\n",
        );
        if args.format != LintFormat::Tty {
            out::stdout(&formats::render(args.format, &[], Paint { on: false }))?;
        }
        return Ok(0);
    }

    // Phase 1 (sequential): configuration and file contents.
    let mut jobs = Vec::with_capacity(sources.len());
    let mut io_error = false;
    for source in sources {
        let (display, config_dir, inputs) = match &source {
            Source::File(p) => (
                p.display().to_string(),
                p.parent().map(Path::to_path_buf).unwrap_or_default(),
                discover::dockerignore_for(p),
            ),
            Source::Stdin => match &args.stdin_filename {
                Some(name) => (
                    name.display().to_string(),
                    name.parent().map(Path::to_path_buf).unwrap_or_default(),
                    discover::dockerignore_for(name),
                ),
                None => ("-".to_owned(), PathBuf::from("."), Inputs::default()),
            },
        };
        let resolved = resolver.for_file(&config_dir, Path::new(&display))?;
        let path = match &source {
            Source::File(p) => p.clone(),
            Source::Stdin => PathBuf::from("-"),
        };
        let bytes = match super::read_input(&path) {
            Ok(b) => b,
            Err(e) => {
                e.report();
                io_error = true;
                continue;
            }
        };
        let image = match args.kind {
            Kind::Image => true,
            Kind::Dockerfile => false,
            Kind::Auto => looks_like_image(&path, &bytes),
        };
        jobs.push(Job {
            source,
            display,
            bytes,
            inputs,
            resolved,
            image,
        });
    }

    // Phase 2 (parallel): lint or fix.
    let outcomes = run_parallel(&jobs, mode);

    // Phase 3 (sequential): write files, report.
    let paint = Paint {
        on: out::use_color(args.no_color) && args.format == LintFormat::Tty,
    };
    let cli_threshold = args.failure_threshold;
    let mut failing = false;
    let mut reports = Vec::with_capacity(jobs.len());
    let mut applied: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut diff_text = String::new();
    let mut changed_files = 0usize;
    let mut stdin_fixed: Option<String> = None;
    for (job, outcome) in jobs.iter().zip(outcomes) {
        for note in &outcome.notes {
            out::stderr(&format!("stowage: {}: {note}\n", job.display));
        }
        for code in &outcome.applied {
            *applied.entry(code).or_insert(0) += 1;
        }
        match mode {
            Mode::Fix { .. } => match (&job.source, &outcome.fixed) {
                (Source::Stdin, fixed) => {
                    stdin_fixed = Some(fixed.clone().unwrap_or_else(|| outcome.text.clone()));
                }
                (Source::File(p), Some(fixed)) => {
                    if let Err(e) = write_atomic(p, fixed) {
                        out::stderr(&format!("stowage: cannot write {}: {e}\n", p.display()));
                        io_error = true;
                    } else {
                        changed_files += 1;
                    }
                }
                (Source::File(_), None) => {}
            },
            Mode::Diff { .. } => {
                if let Some(fixed) = &outcome.fixed {
                    changed_files += 1;
                    diff_text.push_str(&unified_diff(&job.display, &outcome.text, fixed));
                }
            }
            Mode::Check => {}
        }
        let threshold = match cli_threshold {
            Some(t) => to_severity(t),
            // `no-fail` (hadolint's, or `failure-threshold = none|ignore` there) never fails.
            None if job.resolved.no_fail => None,
            None => Some(job.resolved.failure_threshold.unwrap_or(Severity::Info)),
        };
        if let Some(t) = threshold
            && outcome.diagnostics.iter().any(|d| d.severity >= t)
        {
            failing = true;
        }
        reports.push(FileReport {
            path: job.display.clone(),
            source: match (&mode, &outcome.fixed) {
                (Mode::Fix { .. }, Some(fixed)) => fixed.clone(),
                _ => outcome.text,
            },
            diagnostics: outcome.diagnostics,
        });
    }

    let remaining: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
    let fixed_total: usize = applied.values().sum();
    let breakdown = applied
        .iter()
        .map(|(c, n)| format!("{c}×{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let breakdown = if breakdown.is_empty() {
        String::new()
    } else {
        format!(" ({breakdown})")
    };
    match mode {
        Mode::Diff { .. } => {
            out::stdout(&diff_text)?;
            out::stderr(&format!(
                "Would fix {fixed_total} problem{}{breakdown} in {changed_files} file{}\n",
                if fixed_total == 1 { "" } else { "s" },
                if changed_files == 1 { "" } else { "s" },
            ));
            return Ok(if io_error {
                2
            } else {
                u8::from(changed_files > 0)
            });
        }
        Mode::Fix { .. } => {
            if let Some(text) = &stdin_fixed {
                out::stdout(text)?;
            } else {
                print_report(args, &reports, paint)?;
            }
            out::stderr(&format!(
                "Fixed {fixed_total} problem{}{breakdown}, {remaining} remaining\n",
                if fixed_total == 1 { "" } else { "s" },
            ));
        }
        Mode::Check => print_report(args, &reports, paint)?,
    }
    Ok(if io_error { 2 } else { u8::from(failing) })
}

fn print_report(args: &LintArgs, reports: &[FileReport], paint: Paint) -> Result<(), CliError> {
    let text = if args.statistics {
        let rows = formats::statistics(reports);
        if args.format == LintFormat::Json {
            let mut s = serde_json::to_string_pretty(&rows).unwrap_or_default();
            s.push('\n');
            s
        } else {
            formats::statistics_text(reports, paint)
        }
    } else {
        let mut s = formats::render(args.format, reports, paint);
        if args.format == LintFormat::Tty {
            s.push_str(&formats::summary_line(reports, paint, args.unsafe_fixes));
        }
        s
    };
    out::stdout(&text)?;
    Ok(())
}

const fn to_severity(t: Threshold) -> Option<Severity> {
    match t {
        Threshold::Error => Some(Severity::Error),
        Threshold::Warning => Some(Severity::Warning),
        Threshold::Info => Some(Severity::Info),
        Threshold::Style => Some(Severity::Style),
        Threshold::None => None,
    }
}

/// Image JSON: a `.json` file, or content whose first non-space character is `{` or `[`
/// (a Dockerfile cannot start with either).
fn looks_like_image(path: &Path, bytes: &[u8]) -> bool {
    let json_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let first = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    json_name || matches!(first, Some(b'{' | b'['))
}

fn check_one(job: &Job, mode: Mode) -> Outcome {
    let linter = &job.resolved.linter;
    if job.image {
        let text = String::from_utf8_lossy(&job.bytes).into_owned();
        let result = linter.lint_image_with(&text, &Inputs::default());
        return Outcome {
            text,
            diagnostics: result.diagnostics,
            fixed: None,
            applied: Vec::new(),
            notes: Vec::new(),
        };
    }
    let (text, valid_utf8) = match String::from_utf8(job.bytes.clone()) {
        Ok(s) => (s, true),
        Err(_) => (String::new(), false),
    };
    if !valid_utf8 {
        let (text, result) = linter.lint_bytes(&job.bytes, &job.inputs);
        let notes = if matches!(mode, Mode::Check) {
            Vec::new()
        } else {
            vec!["not fixed: the file is not valid UTF-8".to_owned()]
        };
        return Outcome {
            text,
            diagnostics: result.diagnostics,
            fixed: None,
            applied: Vec::new(),
            notes,
        };
    }
    match mode {
        Mode::Check => {
            let result = linter.lint_dockerfile_with(&text, &job.inputs);
            Outcome {
                text,
                diagnostics: result.diagnostics,
                fixed: None,
                applied: Vec::new(),
                notes: Vec::new(),
            }
        }
        Mode::Fix { unsafe_fixes } | Mode::Diff { unsafe_fixes } => {
            let fr = linter.fix(&text, &job.inputs, unsafe_fixes);
            let mut notes = Vec::new();
            if fr.stopped_on_error {
                notes.push(
                    "some fixes were not applied: they would have introduced syntax errors"
                        .to_owned(),
                );
            }
            let fixed = (fr.output != text).then_some(fr.output);
            Outcome {
                text,
                diagnostics: fr.remaining,
                fixed,
                applied: fr.applied.iter().map(|(code, _)| *code).collect(),
                notes,
            }
        }
    }
}

/// Checks every job on up to `available_parallelism` threads; results in job order.
fn run_parallel(jobs: &[Job], mode: Mode) -> Vec<Outcome> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(jobs.len())
        .max(1);
    if threads == 1 {
        return jobs.iter().map(|j| check_one(j, mode)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut indexed: Vec<(usize, Outcome)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else { break };
                        mine.push((i, check_one(job, mode)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    indexed.sort_by_key(|(i, _)| *i);
    indexed.into_iter().map(|(_, o)| o).collect()
}

/// `--- a/path` / `+++ b/path` unified diff with 3 lines of context.
fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut s = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    if !s.is_empty() && !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// Replaces a file atomically: a temporary file in the same directory (so the rename stays on
/// one file system), the original permissions, then a rename over the original. Symlinks are
/// followed so the link stays a link.
fn write_atomic(path: &Path, contents: &str) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let permissions = std::fs::metadata(&target)?.permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".stowage-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(contents.as_bytes())?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), permissions)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}
