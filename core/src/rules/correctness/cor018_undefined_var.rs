use std::borrow::Cow;

use crate::declare_rule;
use crate::fix::{Edit, Fix};
use crate::model::{BaseKind, Lookup, PLATFORM_ARGS, expand};
use crate::rules::{Context, Rule, RuleMeta};
use crate::syntax::{Args, Instruction, Keyword, Word};
use crate::text::TextRange;
use crate::util::suggest::{SuggestBudget, closest};

use super::common::root_base;
use super::cor017_env_self_reference::var_range;

declare_rule! {
    /// ## What it does
    /// Reports a variable used in an instruction that Docker expands itself (`ENV`, `ARG`
    /// defaults, `COPY`/`ADD` paths and `--chown`/`--chmod`/`--from`, `LABEL`, `WORKDIR`,
    /// `USER`, `VOLUME`, `EXPOSE`, `STOPSIGNAL`) that is not defined at that point.
    /// `${VAR:-default}` and friends are fine. In stages built from an image, which may define
    /// any environment variable, only clear mistakes are reported: a name close to a declared
    /// one ("did you mean"), a global `ARG` that was not redeclared in the stage, or a
    /// platform argument such as `TARGETARCH` used without `ARG TARGETARCH`. In stages built
    /// `FROM scratch` every undefined name is reported.
    ///
    /// ## Why is this bad?
    /// Docker replaces an undefined variable with an empty string without a warning:
    /// `WORKDIR /opt/$APP_NAME` becomes `WORKDIR /opt/`. Global `ARG`s (before the first
    /// `FROM`) and the automatic platform arguments are only visible inside a stage after an
    /// `ARG NAME` line, a frequent surprise.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ARG APP_NAME=web
    /// WORKDIR /opt/$APP_NAM
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM alpine:3.20
    /// ARG APP_NAME=web
    /// WORKDIR /opt/$APP_NAME
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: for a likely typo, replaces the name with the declared one it resembles.
    pub UndefinedVar {
        code: "COR018",
        name: "undefined-var",
        family: Correctness,
        severity: Warning,
        default_enabled: true,
        fix: Sometimes,
        aliases: ["UndefinedVar"],
        summary: "Variable used but not defined",
    }
}

/// Variables that base images commonly set: never "corrected" to a similar declared name.
const BASE_IMAGE_ENV: &[&str] = &[
    "PATH",
    "HOME",
    "USER",
    "LANG",
    "LANGUAGE",
    "LC_ALL",
    "HOSTNAME",
    "TERM",
    "SHELL",
    "PWD",
    "TZ",
    "JAVA_HOME",
    "JAVA_VERSION",
    "GOPATH",
    "GOROOT",
    "GOLANG_VERSION",
    "NODE_VERSION",
    "YARN_VERSION",
    "PYTHON_VERSION",
    "PYTHONPATH",
    "PIP_VERSION",
    "RUBY_VERSION",
    "GEM_HOME",
    "BUNDLE_PATH",
    "CARGO_HOME",
    "RUSTUP_HOME",
    "RUST_VERSION",
    "DEBIAN_FRONTEND",
    "LD_LIBRARY_PATH",
    "SSL_CERT_FILE",
    "DOTNET_VERSION",
    "ASPNETCORE_URLS",
    "PHP_VERSION",
    "PHP_INI_DIR",
    "NGINX_VERSION",
    "MAVEN_HOME",
    "GRADLE_HOME",
];

/// The words of an instruction that Docker expands.
/// Borrowed where the parse has the word; flag values are built.
fn expanded_words(ins: &Instruction) -> Vec<Cow<'_, Word>> {
    let mut out: Vec<Cow<'_, Word>> = Vec::new();
    match &ins.args {
        Args::Env(pairs) => out.extend(pairs.iter().map(|p| Cow::Borrowed(&p.value))),
        Args::Label(pairs) => {
            for p in pairs {
                out.push(Cow::Borrowed(&p.key));
                out.push(Cow::Borrowed(&p.value));
            }
        }
        Args::Arg(decls) => out.extend(
            decls
                .iter()
                .filter_map(|d| d.default.as_ref().map(Cow::Borrowed)),
        ),
        Args::Copy { paths, .. } => {
            out.extend(
                paths
                    .iter()
                    .filter(|w| !w.text.starts_with("<<"))
                    .map(Cow::Borrowed),
            );
            for f in &ins.flags {
                if matches!(f.name.as_str(), "chown" | "chmod" | "from")
                    && let (Some(v), Some(r)) = (&f.value, f.value_range)
                {
                    out.push(Cow::Owned(Word {
                        range: r,
                        text: v.clone(),
                    }));
                }
            }
        }
        Args::Workdir(Some(w)) | Args::User(Some(w)) | Args::Stopsignal(Some(w)) => {
            out.push(Cow::Borrowed(w));
        }
        Args::Volume { paths, .. } => out.extend(paths.iter().map(Cow::Borrowed)),
        Args::Expose(words) => out.extend(words.iter().map(Cow::Borrowed)),
        _ => {}
    }
    out
}

impl Rule for UndefinedVar {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model;
        let escape = cx.dockerfile.escape;
        let declared: Vec<&str> = model.declared_names().collect();
        let mut budget = SuggestBudget::default();
        for (i, ins) in cx.instructions() {
            let stage = model.contexts.get(i).and_then(|c| c.stage);
            if ins.keyword == Keyword::From {
                continue;
            }
            // Only asked when a name is undefined, which is rare.
            let scratch = || match stage {
                Some(s) => matches!(root_base(model, s), Some(BaseKind::Scratch)),
                None => true,
            };
            // Names declared by this same ARG instruction, visible to later defaults.
            let mut same_arg: Vec<&str> = Vec::new();
            for word in expanded_words(ins) {
                // A word without `$` references nothing (the common case: skip the expansion).
                if word.text.contains('$') {
                    let lookup = |n: &str| -> Lookup<'_> {
                        if same_arg.contains(&n) {
                            return Lookup::Unknown;
                        }
                        if stage.is_none() || model.is_defined_in_file(n, i) {
                            model.lookup(n, i)
                        } else {
                            Lookup::Undefined
                        }
                    };
                    let exp = expand(&word.text, escape, &lookup);
                    for name in &exp.undefined {
                        Self::report_name(
                            cx,
                            &word,
                            name,
                            scratch(),
                            stage.is_some(),
                            &declared,
                            &mut budget,
                        );
                    }
                }
                if let Args::Arg(decls) = &ins.args
                    && let Some(d) = decls.iter().find(|d| d.default.as_ref() == Some(&*word))
                {
                    same_arg.push(d.name.text.as_str());
                }
            }
        }
    }
}

impl UndefinedVar {
    fn report_name(
        cx: &mut Context<'_>,
        word: &Word,
        name: &str,
        scratch: bool,
        in_stage: bool,
        declared: &[&str],
        budget: &mut SuggestBudget,
    ) {
        let model = cx.model;
        let range = var_range(cx.source, word, name);
        let is_global = model.global_arg(name).is_some();
        if in_stage && is_global {
            cx.report(
                range,
                format!("global ARG `{name}` is not visible in this stage"),
            )
            .set_help(format!(
                "add `ARG {name}` at the start of the stage to use the global value"
            ));
            return;
        }
        if in_stage && PLATFORM_ARGS.contains(&name) {
            cx.report(
                range,
                format!("`{name}` is only defined in a stage after `ARG {name}`"),
            )
            .set_help(format!("add `ARG {name}` to the stage"));
            return;
        }
        let suggestion = if !scratch && BASE_IMAGE_ENV.contains(&name) {
            None
        } else {
            budget
                .spend(declared.len())
                .then(|| closest(name, declared.iter().copied().filter(|d| *d != name)))
                .flatten()
        };
        if let Some(sug) = suggestion {
            let raw = cx.text(range);
            let offset = if raw.starts_with("${") { 2 } else { 1 };
            let len = u32::try_from(name.len()).unwrap_or(0);
            let fix = raw
                .get(offset as usize..)
                .is_some_and(|r| r.starts_with(name))
                .then(|| {
                    let at = TextRange::new(range.start + offset, range.start + offset + len);
                    Fix::unsafe_(format!("Use `{sug}`"), vec![Edit::replace(at, sug)])
                });
            let d = cx.report(range, format!("`{name}` is not defined"));
            d.set_help(format!("did you mean `{sug}`?"));
            if let Some(f) = fix {
                d.set_fix(f);
            }
            return;
        }
        if scratch && !declared.contains(&name) {
            let where_ = if in_stage {
                "in this stage"
            } else {
                "before the first FROM"
            };
            cx.report(
                range,
                format!("`{name}` is not defined {where_}: it expands to an empty string"),
            )
            .set_help(format!(
                "declare it with `ARG {name}` or `ENV {name}=…` before use"
            ));
        } else if scratch {
            cx.report(
                range,
                format!("`{name}` is not defined at this point: it expands to an empty string"),
            )
            .set_help(format!("declare `{name}` in this stage before it is used"));
        }
    }
}
