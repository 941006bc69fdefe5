//! What Docker rejects after parsing: unknown instructions and flags, bad flag values, wrong
//! argument counts, SHELL not in JSON form, disallowed ONBUILD triggers, instructions before FROM,
//! files without instructions.

use crate::text::TextRange;
use crate::util::suggest::closest;

use super::ast::{
    Args, Dockerfile, Healthcheck, Instruction, Keyword, SyntaxError, SyntaxErrorKind,
};
use super::flags::{FlagType, allowed_flags, parse_duration};

fn err(
    df: &mut Vec<SyntaxError>,
    kind: SyntaxErrorKind,
    range: TextRange,
    message: String,
    help: String,
) {
    df.push(SyntaxError {
        kind,
        range,
        message,
        help: Some(help),
    });
}

pub(crate) fn validate(src: &str, df: &mut Dockerfile) {
    let mut errors = Vec::new();
    let mut seen_from = false;
    let mut any = false;
    for ins in df.instructions() {
        any = true;
        if ins.keyword == Keyword::From {
            seen_from = true;
        } else if !seen_from && ins.keyword != Keyword::Arg && ins.keyword != Keyword::Unknown {
            err(
                &mut errors,
                SyntaxErrorKind::InstructionBeforeFrom,
                ins.keyword_range,
                format!("{} comes before the first FROM", ins.keyword.as_str()),
                "only ARG and comments may come before FROM; move this after a FROM line".into(),
            );
        }
        check_instruction(ins, &mut errors, false);
    }
    if !any {
        let range = TextRange::from_usize(0, src.len().min(u32::MAX as usize));
        err(
            &mut errors,
            SyntaxErrorKind::NoInstructions,
            TextRange::new(
                0,
                range.end.min(
                    src.find('\n')
                        .map_or(range.end, |n| u32::try_from(n).unwrap_or(0)),
                ),
            ),
            "the file has no instructions".into(),
            "a Dockerfile needs at least a FROM instruction".into(),
        );
    }
    df.errors.extend(errors);
    crate::util::sort::sort_by_key(&mut df.errors, |e| (e.range.start, e.range.end));
}

fn check_instruction(ins: &Instruction, errors: &mut Vec<SyntaxError>, in_onbuild: bool) {
    if ins.keyword == Keyword::Unknown {
        let names = Keyword::ALL.map(Keyword::as_str);
        let help = match closest(ins.keyword_text(), names) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "valid instructions are FROM, RUN, CMD, LABEL, EXPOSE, ENV, ADD, COPY, ENTRYPOINT, VOLUME, USER, WORKDIR, ARG, ONBUILD, STOPSIGNAL, HEALTHCHECK, SHELL".into(),
        };
        err(
            errors,
            SyntaxErrorKind::UnknownInstruction,
            ins.keyword_range,
            format!("unknown instruction `{}`", ins.keyword_text()),
            help,
        );
        return;
    }
    check_flags(ins, errors);
    check_args(ins, errors);
    if let Args::Onbuild(Some(inner)) = &ins.args {
        if matches!(
            inner.keyword,
            Keyword::Onbuild | Keyword::From | Keyword::Maintainer
        ) {
            let message = if inner.keyword == Keyword::Onbuild {
                "chaining ONBUILD via `ONBUILD ONBUILD` is not allowed".to_owned()
            } else {
                format!(
                    "{} is not allowed as an ONBUILD trigger",
                    inner.keyword.as_str()
                )
            };
            err(
                errors,
                SyntaxErrorKind::OnbuildTrigger,
                inner.keyword_range,
                message,
                "remove this ONBUILD trigger".into(),
            );
        } else if !in_onbuild {
            check_instruction(inner, errors, true);
        }
    }
}

fn check_flags(ins: &Instruction, errors: &mut Vec<SyntaxError>) {
    let allowed = allowed_flags(ins.keyword);
    for flag in &ins.flags {
        let Some((_, ty)) = allowed.iter().find(|(n, _)| *n == flag.name) else {
            let help = match closest(&flag.name, allowed.iter().map(|(n, _)| *n)) {
                Some(s) => format!("did you mean `--{s}`?"),
                None if allowed.is_empty() => {
                    format!("{} takes no flags; remove it", ins.keyword.as_str())
                }
                None => format!(
                    "{} accepts {}",
                    ins.keyword.as_str(),
                    allowed
                        .iter()
                        .map(|(n, _)| format!("--{n}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            err(
                errors,
                SyntaxErrorKind::UnknownFlag,
                flag.name_range,
                format!("unknown flag `--{}` on {}", flag.name, ins.keyword.as_str()),
                help,
            );
            continue;
        };
        let value = flag.value.as_deref();
        let vrange = flag.value_range.unwrap_or(flag.range);
        let bad = |errors: &mut Vec<SyntaxError>, what: &str, help: &str| {
            err(
                errors,
                SyntaxErrorKind::InvalidFlagValue,
                vrange,
                format!("`--{}` {what}", flag.name),
                help.to_owned(),
            );
        };
        match (ty, value) {
            (FlagType::Bool, Some(v))
                if !matches!(v.to_ascii_lowercase().as_str(), "true" | "false") =>
            {
                bad(
                    errors,
                    &format!("expects true or false, not `{v}`"),
                    "write the flag alone, or =true / =false",
                );
            }
            (FlagType::Bool, _) => {}
            (_, None) => bad(
                errors,
                "needs a value",
                &format!("write it as --{}=VALUE", flag.name),
            ),
            (FlagType::Duration, Some(v)) => match parse_duration(v) {
                None => bad(
                    errors,
                    &format!("has an invalid duration `{v}`"),
                    "use a duration with a unit, e.g. 30s, 1m30s or 500ms",
                ),
                Some(ns) if ns != 0 && ns < 1_000_000 => bad(
                    errors,
                    "must be at least 1ms",
                    "use a duration of 1ms or more, or 0 for the default",
                ),
                Some(_) => {}
            },
            (FlagType::Int, Some(v)) if v.parse::<i64>().is_err() => {
                bad(
                    errors,
                    &format!("expects a whole number, not `{v}`"),
                    "for example --retries=3",
                );
            }
            (FlagType::Str, Some("")) if flag.name != "chown" => {
                bad(
                    errors,
                    "has an empty value",
                    &format!("give --{} a value or remove it", flag.name),
                );
            }
            (FlagType::Str, Some(v))
                if flag.name == "network" && !matches!(v, "default" | "none" | "host") =>
            {
                bad(
                    errors,
                    &format!("has an unknown network mode `{v}`"),
                    "use default, none or host",
                );
            }
            (FlagType::Str, Some(v))
                if flag.name == "security" && !matches!(v, "sandbox" | "insecure") =>
            {
                bad(
                    errors,
                    &format!("has an unknown security mode `{v}`"),
                    "use sandbox or insecure",
                );
            }
            _ => {}
        }
    }
    for mount in ins.mounts() {
        use super::ast::MountKind;
        if mount.kind == MountKind::Unknown {
            err(
                errors,
                SyntaxErrorKind::InvalidFlagValue,
                mount.range,
                "unknown mount type".into(),
                "use type=bind, cache, tmpfs, secret or ssh".into(),
            );
        } else if matches!(
            mount.kind,
            MountKind::Bind | MountKind::Cache | MountKind::Tmpfs
        ) && mount.target.is_none()
        {
            err(
                errors,
                SyntaxErrorKind::InvalidFlagValue,
                mount.range,
                "this mount has no target".into(),
                "add target=/path to the --mount options".into(),
            );
        }
        for (key, _) in &mount.unknown {
            err(
                errors,
                SyntaxErrorKind::InvalidFlagValue,
                mount.range,
                format!("unknown mount option `{key}`"),
                "valid options are type, target, source, from, id, sharing, mode, uid, gid, readonly, required, env, size".into(),
            );
        }
    }
}

fn check_args(ins: &Instruction, errors: &mut Vec<SyntaxError>) {
    let kw = ins.keyword.as_str();
    let missing = |errors: &mut Vec<SyntaxError>, what: &str| {
        err(
            errors,
            SyntaxErrorKind::MissingArguments,
            ins.keyword_range,
            format!("{kw} requires {what}"),
            format!("add the missing argument after {kw}"),
        );
    };
    match &ins.args {
        Args::From {
            image,
            as_keyword,
            alias,
            extra,
        } => {
            if image.is_none() {
                missing(errors, "a base image");
            } else if let Some(as_kw) = as_keyword {
                if !as_kw.text.eq_ignore_ascii_case("as") {
                    err(
                        errors,
                        SyntaxErrorKind::Invalid,
                        as_kw.range,
                        format!("expected `AS` after the image, found `{}`", as_kw.text),
                        "write FROM image AS name".into(),
                    );
                } else if alias.is_none() {
                    err(
                        errors,
                        SyntaxErrorKind::MissingArguments,
                        as_kw.range,
                        "AS needs a stage name".into(),
                        "write FROM image AS name".into(),
                    );
                }
            }
            if let Some(first) = extra.first() {
                let range = extra.iter().fold(first.range, |r, w| r.cover(w.range));
                err(
                    errors,
                    SyntaxErrorKind::ExtraArguments,
                    range,
                    "FROM takes an image and an optional `AS name`, nothing more".into(),
                    "remove the extra words".into(),
                );
            }
        }
        Args::Run { command: None, .. } => missing(errors, "a command"),
        Args::Shell(cmd) => match cmd {
            None => missing(errors, "a JSON array such as [\"/bin/sh\", \"-c\"]"),
            Some(c) if !c.is_exec() => err(
                errors,
                SyntaxErrorKind::ShellNotJson,
                ins.args_file_range(),
                "SHELL must be written in JSON form".into(),
                "write it as SHELL [\"/bin/bash\", \"-c\"]".into(),
            ),
            Some(c) if c.exec_args().is_some_and(<[_]>::is_empty) => {
                missing(errors, "at least one element in its JSON array");
            }
            _ => {}
        },
        Args::Copy { paths, .. } if paths.len() < 2 => {
            missing(errors, "at least a source and a destination")
        }
        Args::Env(pairs) | Args::Label(pairs) if pairs.is_empty() => {
            missing(errors, "at least one KEY=value pair")
        }
        Args::Arg(decls) if decls.is_empty() => missing(errors, "a name"),
        Args::Expose(ports) if ports.is_empty() => missing(errors, "at least one port"),
        Args::Volume { paths, .. } if paths.is_empty() => missing(errors, "at least one path"),
        Args::Maintainer(None) => missing(errors, "a name"),
        Args::Workdir(None) => missing(errors, "a path"),
        Args::User(None) => missing(errors, "a user name or UID"),
        Args::Stopsignal(None) => missing(errors, "a signal"),
        Args::Onbuild(None) if ins.args_range.is_empty() => {
            missing(errors, "an instruction to run later")
        }
        Args::Healthcheck(h) => match h {
            Healthcheck::Missing => missing(errors, "NONE or CMD"),
            Healthcheck::Cmd {
                command: None,
                cmd_keyword,
            } => err(
                errors,
                SyntaxErrorKind::MissingArguments,
                cmd_keyword.range,
                "HEALTHCHECK CMD needs a command".into(),
                "write HEALTHCHECK CMD curl -f http://localhost/ || exit 1".into(),
            ),
            Healthcheck::Invalid { kind: w, .. } => err(
                errors,
                SyntaxErrorKind::Invalid,
                w.range,
                format!("unknown HEALTHCHECK type `{}`", w.text),
                "use HEALTHCHECK CMD … or HEALTHCHECK NONE".into(),
            ),
            _ => {}
        },
        _ => {}
    }
}
