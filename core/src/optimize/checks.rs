//! The individual analyses of the optimizer.

use super::base_images::{self, BaseAdvice};
use super::{Basis, Confidence, Position, Saving, Suggestion, SuggestionKind, human_bytes};
use crate::lint::Inputs;
use crate::model::{BaseKind, Lookup, Model};
use crate::rules::RunScript;
use crate::rules::context::Views;
use crate::rules::correctness::dockerignore::DockerIgnore;
use crate::rules::size::common::{
    PerRun, cache_mount_where, is_removed, removed_packages, removes_path, run_commands,
};
use crate::shell::Command;
use crate::shell::commands::npm::{Npm, NpmTool};
use crate::shell::commands::pip::{Pip, RequirementKind};
use crate::shell::commands::{Family, Tool};
use crate::syntax::{Args, Instruction, Keyword};
use crate::text::TextRange;

const MB: u64 = 1_000_000;

pub(super) struct Cx<'a, 'm> {
    pub source: &'a str,
    pub model: &'a Model<'m>,
    /// The lint's scripts with their typed command views, so commands parsed for the rules are
    /// not parsed again.
    pub views: Views<'a>,
    pub inputs: &'a Inputs,
}

impl<'a> Cx<'a, '_> {
    fn scripts(&self) -> &'a [RunScript<'a>] {
        self.views.scripts()
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a plain constructor for the report's records"
)]
fn suggestion(
    kind: SuggestionKind,
    rule: &'static str,
    title: String,
    detail: String,
    range: TextRange,
    bytes: u64,
    basis: Basis,
    method: impl Into<String>,
    confidence: Confidence,
) -> Suggestion {
    Suggestion {
        kind,
        rule,
        title,
        detail,
        range,
        start: Position::default(),
        end: Position::default(),
        saving: Saving {
            bytes,
            basis,
            method: method.into(),
        },
        confidence,
    }
}

/// The stage that is built (the target), if any.
fn final_stage<'a>(m: &'a Model<'_>) -> Option<&'a crate::model::Stage> {
    m.target.and_then(|t| m.stages.get(t))
}

/// The Docker Hub image the shipped stage chain starts from, with the table's advice.
fn shipped_base(m: &Model<'_>) -> Option<(usize, TextRange, String, BaseAdvice)> {
    // The root of the shipped chain is the shipped stage built on an image.
    let root = m
        .stages
        .iter()
        .filter(|s| m.shipped.get(s.index).copied().unwrap_or(false))
        .find(|s| matches!(s.base.kind, BaseKind::Image(_)))?;
    let BaseKind::Image(r) = &root.base.kind else {
        return None;
    };
    if !r.is_docker_hub() {
        return None;
    }
    let advice = base_images::lookup(r.short_name(), r.tag.as_deref())?;
    Some((
        root.index,
        root.base.range,
        root.base.expanded.value.clone(),
        advice,
    ))
}

/// Every command of the stage's RUNs (not ONBUILD triggers).
fn stage_commands<'s>(
    cx: &'s Cx<'_, '_>,
    stage: usize,
) -> impl Iterator<Item = (&'s RunScript<'s>, &'s Command)> + 's {
    let body = cx
        .model
        .stages
        .get(stage)
        .map_or(0..0, crate::model::Stage::body);
    // The scripts are in instruction order: the body's are one slice, found by binary search.
    let scripts = cx.scripts();
    let from = scripts.partition_point(|r| r.index < body.start);
    let to = scripts.partition_point(|r| r.index < body.end);
    scripts
        .get(from..to)
        .unwrap_or_default()
        .iter()
        .filter(|r| !r.onbuild)
        .flat_map(|r| r.script.commands.iter().map(move |c| (r, c)))
}

fn shipped_stages<'a>(m: &'a Model<'_>) -> impl Iterator<Item = usize> + 'a {
    m.stages
        .iter()
        .filter(|s| m.shipped.get(s.index).copied().unwrap_or(false))
        .map(|s| s.index)
}

fn is_go_build(c: &Command) -> bool {
    c.tool == Tool::Go
        && c.args_str()
            .find(|a| !a.starts_with('-'))
            .is_some_and(|a| matches!(a, "build" | "install"))
}

fn is_java_build(c: &Command) -> bool {
    let first = c.args_str().find(|a| !a.starts_with('-')).unwrap_or("");
    match c.name_str() {
        "mvn" | "mvnw" | "./mvnw" => true,
        "gradle" | "gradlew" | "./gradlew" => true,
        "javac" => true,
        n if n.ends_with("/mvnw") || n.ends_with("/gradlew") => !first.is_empty(),
        _ => false,
    }
}

/// The `-o` output path of a `go build`.
fn go_output(c: &Command) -> Option<String> {
    let mut args = c.args_str();
    while let Some(a) = args.next() {
        if a == "-o" {
            return args.next().map(str::to_owned);
        }
        if let Some(v) = a.strip_prefix("-o=") {
            return Some(v.to_owned());
        }
    }
    None
}

/// The image to ship instead of `image` (its slim variant when the table knows one).
fn slim_of(m: &Model<'_>, stage: usize) -> (String, bool) {
    let Some(s) = m.stages.get(stage) else {
        return (String::new(), false);
    };
    let current = s.base.expanded.value.clone();
    if let BaseKind::Image(r) = &s.base.kind
        && r.is_docker_hub()
        && let Some(a) = base_images::lookup(r.short_name(), r.tag.as_deref())
        && !a.toolchain
        && let Some(best) = a.alternatives.first()
    {
        return (best.image.clone(), true);
    }
    (current, false)
}

/// (a) a slimmer base image; for toolchain images (golang, JDK), a multi-stage build.
pub(super) fn base_images(cx: &Cx<'_, '_>, out: &mut Vec<Suggestion>) {
    let Some((stage, range, image, advice)) = shipped_base(cx.model) else {
        return;
    };
    let Some(best) = advice.alternatives.first() else {
        return;
    };
    let saving = advice
        .compressed_bytes
        .saturating_sub(best.compressed_bytes);
    let method = format!(
        "built-in table {}: {} is ~{} compressed, {} ~{} (Docker Hub/gcr.io compressed linux/amd64 sizes, ±20 %)",
        base_images::TABLE_VERSION,
        advice.matched,
        human_bytes(advice.compressed_bytes),
        best.image,
        human_bytes(best.compressed_bytes)
    );
    let others: Vec<String> = advice
        .alternatives
        .iter()
        .skip(1)
        .map(|a| {
            format!(
                "- {} (~{}): {}",
                a.image,
                human_bytes(a.compressed_bytes),
                a.caveat
            )
        })
        .collect();
    if advice.toolchain {
        let builds = stage_commands(cx, stage).any(|(_, c)| is_go_build(c) || is_java_build(c));
        let single = cx.model.stages.len() == 1;
        if !builds && !single {
            return;
        }
        let go = advice.matched.starts_with("golang");
        let build = stage_commands(cx, stage).find(|(_, c)| is_go_build(c));
        let (build_cmd, binary) = match build {
            Some((run, c)) => {
                let text = run.file_range(c.range).slice(cx.source).trim().to_owned();
                let out = go_output(c);
                match out {
                    Some(o) => (text, o),
                    None => (format!("{text} -o /out/app"), "/out/app".to_owned()),
                }
            }
            None => ("go build -o /out/app .".to_owned(), "/out/app".to_owned()),
        };
        let detail = if go {
            format!(
                "The Go toolchain (~{}) ships in the image but only the compiled binary is needed at run time:\n\n    FROM {image} AS build\n    WORKDIR /src\n    COPY go.mod go.sum ./\n    RUN go mod download\n    COPY . .\n    RUN CGO_ENABLED=0 {build_cmd}\n\n    FROM {}\n    COPY --from=build {binary} {binary}\n    USER nonroot:nonroot\n    ENTRYPOINT [\"{binary}\"]\n\nIf the program needs cgo, keep CGO_ENABLED=1 and use gcr.io/distroless/base-debian12 (~20 MB). Alternatives for the runtime stage:\n{}",
                human_bytes(advice.compressed_bytes),
                best.image,
                others.join("\n")
            )
        } else {
            format!(
                "A JDK and the build tool ship in the image but only a JRE and the jar are needed at run time: build in `{image} AS build`, then start the final stage `FROM {}` and `COPY --from=build` the jar.\nAlternatives:\n{}",
                best.image,
                others.join("\n")
            )
        };
        out.push(suggestion(
            SuggestionKind::MultiStage,
            "SZ020",
            format!(
                "build in `{image}`, ship the result on `{}` (multi-stage build)",
                best.image
            ),
            detail,
            range,
            saving,
            Basis::ImageCompressed,
            method,
            Confidence::High,
        ));
        return;
    }
    let confidence = if advice.matched.starts_with("ubuntu") {
        Confidence::Low
    } else {
        Confidence::Medium
    };
    if saving < 10 * MB {
        return;
    }
    let mut detail = format!("`FROM {}`: {}.", best.image, best.caveat);
    if !others.is_empty() {
        detail.push_str("\nOther variants:\n");
        detail.push_str(&others.join("\n"));
    }
    out.push(suggestion(
        SuggestionKind::SlimmerBase,
        "SZ019",
        format!("use `{}` instead of `{image}`", best.image),
        detail,
        range,
        saving,
        Basis::ImageCompressed,
        method,
        confidence,
    ));
}

/// Typical installed size (bytes on disk, Debian bookworm / Alpine 3.20, with dependencies
/// not already in a slim base) of build-only packages.
fn build_tool_size(name: &str) -> Option<u64> {
    let mb = match name {
        "build-essential" | "build-base" => 230,
        "gcc" | "gcc-c++" | "g++" | "clang" => 150,
        "golang" | "golang-go" | "go" => 350,
        "rustc" | "cargo" | "rust" => 450,
        "cmake" => 35,
        "autoconf" | "automake" | "libtool" => 5,
        "linux-headers" | "kernel-headers" => 15,
        "make" => 2,
        n if n.ends_with("-dev") || n.ends_with("-devel") => 8,
        _ => return None,
    };
    Some(mb * MB)
}

/// (b) compilers and -dev packages installed in a shipped stage.
pub(super) fn build_tools(cx: &Cx<'_, '_>, out: &mut Vec<Suggestion>) {
    for stage in shipped_stages(cx.model) {
        let mut tools: Vec<(&str, u64)> = Vec::new();
        let mut first: Option<TextRange> = None;
        // Removals are per RUN: compute them once per RUN, not once per command (linear time).
        let mut removed = PerRun::new();
        for (run, cmd) in stage_commands(cx, stage) {
            let mut apk_virtual = None;
            let packages: Vec<(&str, TextRange)> =
                if let Some(a) = cx.views.apt(cmd).filter(|a| a.is_install()) {
                    a.packages.iter().map(|p| (p.name, p.range)).collect()
                } else if let Some(a) = cx.views.apk(cmd).filter(|a| a.subcommand_str() == "add") {
                    apk_virtual = a.virtual_name;
                    a.packages.iter().map(|p| (p.name, p.range)).collect()
                } else if let Some(r) = cx.views.rpm(cmd).filter(|r| r.is_install()) {
                    r.packages.iter().map(|p| (p.name, p.range)).collect()
                } else {
                    continue;
                };
            // Asked only for install commands, which most RUNs have none of.
            let gone: &[&str] = removed.get(run.index, || removed_packages(cx.views, run.index));
            if apk_virtual.is_some_and(|v| is_removed(gone, v)) {
                continue;
            }
            for (name, range) in packages {
                if is_removed(gone, name) || tools.iter().any(|(n, _)| *n == name) {
                    continue;
                }
                if let Some(size) = build_tool_size(name) {
                    first.get_or_insert(run.file_range(range));
                    tools.push((name, size));
                }
            }
        }
        let Some(range) = first else { continue };
        let bytes: u64 = tools.iter().map(|(_, b)| b).sum();
        let names: Vec<&str> = tools.iter().map(|(n, _)| *n).collect();
        let image = cx
            .model
            .stages
            .get(stage)
            .map_or_else(String::new, |s| s.base.expanded.value.clone());
        let (ship, full_base) = slim_of(cx.model, stage);
        let (bytes, method) = if full_base {
            (
                0,
                format!(
                    "the full `{image}` already contains compilers and common -dev headers, so they add little: the saving comes from shipping `{ship}` (see the slimmer-base suggestion)"
                ),
            )
        } else {
            (
                bytes,
                "typical installed size with dependencies on Debian bookworm/Alpine 3.20: build-essential ~230 MB, gcc/g++/clang ~150 MB, Go ~350 MB, Rust ~450 MB, cmake ~35 MB, each -dev package ~8 MB".to_owned(),
            )
        };
        let detail = format!(
            "Install them in a builder stage and copy only what the build produced:\n\n    FROM {image} AS build\n    RUN <install {}> && <build>\n\n    FROM {ship}\n    COPY --from=build <the built files> <destination>\n\nFor Python, build wheels in the builder (`pip wheel --wheel-dir /wheels -r requirements.txt`) and `pip install --no-cache-dir /wheels/*` in the final stage; for native Node modules, run `npm ci` in the builder and copy node_modules.",
            names.join(" ")
        );
        out.push(suggestion(
            SuggestionKind::MultiStage,
            "SZ020",
            format!(
                "build tools ship in the image ({}): use a multi-stage build",
                names.join(", ")
            ),
            detail,
            range,
            bytes,
            Basis::ImageUncompressed,
            method,
            Confidence::Medium,
        ));
    }
}

/// (b) `npm install`/`npm ci` without `--omit=dev` in the shipped stage.
pub(super) fn dev_dependencies(cx: &Cx<'_, '_>, out: &mut Vec<Suggestion>) {
    for stage in shipped_stages(cx.model) {
        let mut pruned = false;
        let mut found: Option<(&RunScript<'_>, &Command)> = None;
        for (run, cmd) in stage_commands(cx, stage) {
            if cmd.family == Family::Npm && matches!(cmd.name_str(), "npm" | "pnpm") {
                let args: Vec<&str> = cmd.args_str().collect();
                if args.first() == Some(&"prune")
                    && (args.iter().any(|a| *a == "--production" || *a == "--prod")
                        || args.windows(2).any(|w| w == ["--omit", "dev"])
                        || args.contains(&"--omit=dev"))
                {
                    pruned = true;
                }
            }
            let Some(npm) = cx.views.npm(cmd) else {
                continue;
            };
            if npm.tool != NpmTool::Npm
                || !npm.is_install
                || npm.global
                || npm.production
                || !npm.packages.is_empty()
            {
                continue;
            }
            let env_prod = matches!(
                cx.model.lookup("NODE_ENV", run.index),
                Lookup::Value("production")
            ) || cmd
                .assignments
                .iter()
                .any(|a| a.value == "NODE_ENV=production");
            if !env_prod && found.is_none() {
                found = Some((run, cmd));
            }
        }
        if pruned {
            continue;
        }
        let Some((run, cmd)) = found else { continue };
        let sub = cx
            .views
            .npm(cmd)
            .and_then(|n| n.subcommand.map(|s| s.value.clone()))
            .unwrap_or_else(|| "install".to_owned());
        let single = if sub == "ci" {
            "`npm ci --omit=dev`".to_owned()
        } else {
            format!("`npm {sub} --omit=dev` (or `npm ci --omit=dev` with a lockfile)")
        };
        let image = cx
            .model
            .stages
            .get(stage)
            .map_or_else(String::new, |s| s.base.expanded.value.clone());
        let (ship, _) = slim_of(cx.model, stage);
        let detail = format!(
            "devDependencies (bundlers, TypeScript, test tools) are installed into the shipped node_modules. Build in one stage, install production dependencies only in the final one:\n\n    FROM {image} AS build\n    WORKDIR /app\n    COPY package.json package-lock.json ./\n    RUN npm ci\n    COPY . .\n    RUN npm run build --if-present\n\n    FROM {ship}\n    ENV NODE_ENV=production\n    WORKDIR /app\n    COPY package.json package-lock.json ./\n    RUN npm ci --omit=dev && npm cache clean --force\n    COPY --from=build /app/dist ./dist\n    USER node\n    CMD [\"node\", \"dist/index.js\"]\n\n(adapt `dist` and the entry point; with no build step, {single} in a single stage is enough)."
        );
        out.push(suggestion(
            SuggestionKind::MultiStage,
            "SZ020",
            format!("`npm {sub}` installs devDependencies into the shipped image"),
            detail,
            run.file_range(cmd.range),
            100 * MB,
            Basis::ImageUncompressed,
            "typical devDependencies of a TypeScript/bundler project (~100 MB of node_modules); measure with `du -sh node_modules` before and after `npm prune --omit=dev`",
            Confidence::Low,
        ));
    }
}

fn same_flags(a: &Instruction, b: &Instruction) -> bool {
    a.flags.len() == b.flags.len() && a.flags.iter().zip(&b.flags).all(|(x, y)| x.text == y.text)
}

/// What a RUN deletes that an earlier layer may have created: (description, estimate).
fn deletes(cx: &Cx<'_, '_>, index: usize) -> Option<(&'static str, u64)> {
    if removes_path(cx.scripts(), index, &["/var/lib/apt/lists"]) {
        return Some(("the apt package lists", 20 * MB));
    }
    if !removed_packages(cx.views, index).is_empty() {
        return Some(("removed packages", 20 * MB));
    }
    let cleans = run_commands(cx.scripts(), index).any(|c| {
        let args: Vec<&str> = c.args_str().collect();
        c.tool == Tool::Rm
            || (matches!(c.name_str(), "apt-get" | "apt" | "yum" | "dnf" | "zypper")
                && args.contains(&"clean"))
            || cx.views.npm(c).is_some_and(|n| n.cache_clean)
    });
    cleans.then_some(("deleted files", 10 * MB))
}

/// (c) consecutive RUNs of a shipped stage, same flags (mounts, network, security).
pub(super) fn merge_runs(cx: &Cx<'_, '_>, out: &mut Vec<Suggestion>) {
    let m = cx.model;
    for stage in shipped_stages(m) {
        let Some(body) = m.stages.get(stage).map(crate::model::Stage::body) else {
            continue;
        };
        let mut i = body.start;
        while i < body.end {
            let Some(first) = m.instructions.get(i).filter(|x| x.keyword == Keyword::Run) else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < body.end
                && m.instructions
                    .get(j)
                    .is_some_and(|x| x.keyword == Keyword::Run && same_flags(first, x))
            {
                j += 1;
            }
            let count = j - i;
            if count >= 2 {
                let deleted = (i + 1..j).find_map(|k| deletes(cx, k));
                let last = m.instructions.get(j - 1).map_or(first.range, |x| x.range);
                let range = TextRange::new(first.range.start, last.end.max(first.range.start));
                let (bytes, basis, method, confidence, why) = match deleted {
                    Some((what, est)) => (
                        est,
                        Basis::ImageUncompressed,
                        format!(
                            "a later RUN deletes {what}, which stay in the earlier layer; typical size ~{} (apt lists on Debian are 10–45 MB)",
                            human_bytes(est)
                        ),
                        Confidence::Low,
                        format!(
                            "a later RUN deletes {what}, but they remain in the earlier layer: deleting in the same RUN that created them actually frees the space"
                        ),
                    ),
                    None => (
                        0,
                        Basis::ImageUncompressed,
                        format!(
                            "{} fewer layers; no bytes unless a step deletes what another created",
                            count - 1
                        ),
                        Confidence::High,
                        "fewer layers to store, push and pull".to_owned(),
                    ),
                };
                if deleted.is_some() || count >= 3 {
                    out.push(suggestion(
                        SuggestionKind::MergeRuns,
                        "SZ010",
                        format!("merge these {count} consecutive RUNs into one"),
                        format!("Join the commands with `&&` in a single RUN: {why}."),
                        range,
                        bytes,
                        basis,
                        method,
                        confidence,
                    ));
                }
            }
            i = j;
        }
    }
}

/// (d) package caches: a cache mount instead of cleanup (or instead of shipping the cache).
pub(super) fn cache_mounts(cx: &Cx<'_, '_>, out: &mut Vec<Suggestion>) {
    for run in cx.scripts() {
        if run.onbuild || cache_mount_where(run.instruction, |_| true) {
            continue;
        }
        let shipped = cx.model.is_shipped(run.index);
        // Whole-RUN facts, computed at most once per RUN so many installs stay linear.
        let mut apt_cleaned: Option<bool> = None;
        let mut npm_cleaned: Option<bool> = None;
        for cmd in &run.script.commands {
            let (manager, target, mount, leaves, est) = if cx
                .views
                .apt(cmd)
                .is_some_and(|a| a.is_install())
            {
                let cleaned = *apt_cleaned.get_or_insert_with(|| {
                    removes_path(cx.scripts(), run.index, &["/var/lib/apt/lists"])
                });
                (
                    "apt",
                    "/var/cache/apt and /var/lib/apt",
                    "RUN rm -f /etc/apt/apt.conf.d/docker-clean\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y --no-install-recommends <packages>"
                        .to_owned(),
                    !cleaned,
                    20 * MB,
                )
            } else if let Some(p) = cx.views.pip(cmd).filter(|p| p.is_install()) {
                (
                    "pip",
                    "/root/.cache/pip",
                    format!(
                        "RUN --mount=type=cache,target=/root/.cache/pip {}",
                        strip_flag(run.file_range(cmd.range).slice(cx.source), "--no-cache-dir")
                    ),
                    !p.no_cache_dir,
                    50 * MB,
                )
            } else if cx
                .views
                .npm(cmd)
                .is_some_and(|n| n.tool == NpmTool::Npm && n.is_install && !n.global)
            {
                let cleaned = *npm_cleaned.get_or_insert_with(|| {
                    run_commands(cx.scripts(), run.index)
                        .any(|c| cx.views.npm(c).is_some_and(|x| x.cache_clean))
                });
                (
                    "npm",
                    "/root/.npm",
                    format!(
                        "RUN --mount=type=cache,target=/root/.npm {}",
                        run.file_range(cmd.range).slice(cx.source)
                    ),
                    !cleaned,
                    50 * MB,
                )
            } else {
                continue;
            };
            let ships_cache = leaves && shipped;
            let (bytes, basis, method, title) = if ships_cache {
                (
                    est,
                    Basis::ImageUncompressed,
                    format!(
                        "the {manager} cache stays in the layer; typical ~{} (apt lists 10–45 MB, pip/npm caches about the size of the downloaded packages)",
                        human_bytes(est)
                    ),
                    format!("keep the {manager} cache in a cache mount instead of the image"),
                )
            } else {
                (
                    0,
                    Basis::PerRebuild,
                    "same image size; rebuilds reuse the downloaded packages instead of fetching them again".to_owned(),
                    format!("use a cache mount for {manager} instead of discarding its cache"),
                )
            };
            out.push(suggestion(
                SuggestionKind::CacheMount,
                "SZ014",
                title,
                format!(
                    "A BuildKit cache mount on {target} keeps downloads between builds and out of the image:\n\n    {}\n\n(needs BuildKit, the default builder since Docker 23; add `# syntax=docker/dockerfile:1` on older setups)",
                    mount.replace('\n', "\n    ")
                ),
                run.file_range(cmd.range),
                bytes,
                basis,
                method,
                if ships_cache {
                    Confidence::Medium
                } else {
                    Confidence::High
                },
            ));
            break;
        }
    }
}

/// The command text without one flag (for snippets).
fn strip_flag(text: &str, flag: &str) -> String {
    text.split_whitespace()
        .filter(|w| *w != flag)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The manifest files an install step reads, its typical dependency-layer size, and whether
/// the command is such a step.
fn manifests(cmd: &Command) -> Option<(&'static str, u64)> {
    if let Some(n) = Npm::from(cmd) {
        let files = match n.tool {
            NpmTool::Npm => "package.json package-lock.json",
            NpmTool::Yarn => "package.json yarn.lock",
            NpmTool::Pnpm => "package.json pnpm-lock.yaml",
            NpmTool::Bun => "package.json bun.lockb",
        };
        return (n.is_install && n.packages.is_empty() && !n.global).then_some((files, 150 * MB));
    }
    if let Some(p) = Pip::from(cmd) {
        let from_file = p
            .requirements
            .iter()
            .any(|r| r.kind == RequirementKind::RequirementsFile);
        return (p.is_install() && from_file).then_some(("requirements.txt", 100 * MB));
    }
    let args: Vec<&str> = cmd.args_str().filter(|a| !a.starts_with('-')).collect();
    let first = args.first().copied().unwrap_or("");
    match (cmd.name_str(), first) {
        ("uv", "sync") => Some(("pyproject.toml uv.lock", 100 * MB)),
        ("poetry", "install") => Some(("pyproject.toml poetry.lock", 100 * MB)),
        ("pipenv", "install" | "sync") => Some(("Pipfile Pipfile.lock", 100 * MB)),
        ("bundle", "install" | "") => Some(("Gemfile Gemfile.lock", 80 * MB)),
        ("go", "mod") if args.get(1) == Some(&"download") => Some(("go.mod go.sum", 100 * MB)),
        ("go", "build" | "install") => Some(("go.mod go.sum", 100 * MB)),
        ("cargo", "fetch" | "build") => Some(("Cargo.toml Cargo.lock", 200 * MB)),
        ("composer", "install") => Some(("composer.json composer.lock", 50 * MB)),
        _ => None,
    }
}

fn is_whole_context(path: &str) -> bool {
    matches!(path, "." | "./" | "*" | "./*" | ".\\")
}

/// The whole-context source word of a COPY/ADD from the build context.
fn whole_context_source(ins: &Instruction) -> Option<TextRange> {
    if !matches!(ins.keyword, Keyword::Copy | Keyword::Add) || ins.flag("from").is_some() {
        return None;
    }
    let Args::Copy { paths, .. } = &ins.args else {
        return None;
    };
    let sources = paths.split_last().map_or(&[][..], |(_, s)| s);
    sources
        .iter()
        .find(|w| is_whole_context(&w.text))
        .map(|w| w.range)
}

/// (e) the whole context copied before the dependency install.
pub(super) fn copy_order(cx: &Cx<'_, '_>, out: &mut Vec<Suggestion>) {
    let m = cx.model;
    for stage in &m.stages {
        let mut copy_all: Option<(usize, TextRange)> = None;
        for i in stage.body() {
            let Some(ins) = m.instructions.get(i) else {
                continue;
            };
            if ins.keyword != Keyword::Run {
                if copy_all.is_none()
                    && let Some(r) = whole_context_source(ins)
                {
                    copy_all = Some((i, r));
                }
                continue;
            }
            let Some((copy_index, copy_range)) = copy_all else {
                continue;
            };
            let found = crate::rules::scripts_of(cx.scripts(), i)
                .iter()
                .find_map(|r| r.script.commands.iter().find_map(manifests));
            let Some((files, est)) = found else {
                continue;
            };
            let copy_text = m
                .instructions
                .get(copy_index)
                .map_or("COPY . .", |c| c.range.slice(cx.source).trim_end());
            let run_text = ins.range.slice(cx.source).trim_end();
            let dest = match &m.instructions.get(copy_index).map(|c| &c.args) {
                Some(Args::Copy { paths, .. }) => paths
                    .last()
                    .map_or("./", |w| if w.text == "." { "./" } else { w.text.as_str() }),
                _ => "./",
            };
            let dest = if dest.ends_with('/') {
                dest.to_owned()
            } else {
                format!("{dest}/")
            };
            out.push(suggestion(
                SuggestionKind::CopyOrder,
                "SZ015",
                format!("copy {files} before the sources so the install layer stays cached"),
                format!(
                    "Any source edit currently re-runs the dependency install. Reorder:\n\n    COPY {files} {dest}\n    {run_text}\n    {copy_text}\n\n(copy only the manifest files that exist in your project)"
                ),
                copy_range,
                est,
                Basis::PerRebuild,
                format!(
                    "the dependency layer (typically ~{} for this ecosystem) is rebuilt and pushed again after every source change",
                    human_bytes(est)
                ),
                Confidence::Medium,
            ));
            copy_all = None;
        }
    }
}

/// The ecosystem's usual `.dockerignore` entries, for advice.
fn ignore_entries(cx: &Cx<'_, '_>) -> Vec<&'static str> {
    let mut out = vec![".git"];
    let text =
        |f: &dyn Fn(&Command) -> bool| cx.scripts().iter().any(|r| r.script.commands.iter().any(f));
    let base = final_stage(cx.model)
        .map(|s| s.base.expanded.value.to_ascii_lowercase())
        .unwrap_or_default();
    if text(&|c| cx.views.npm(c).is_some()) || base.starts_with("node") {
        out.extend(["node_modules", "npm-debug.log"]);
    }
    if text(&|c| cx.views.pip(c).is_some()) || base.starts_with("python") {
        out.extend(["**/__pycache__", ".venv"]);
    }
    if text(&|c| c.tool == Tool::Go) || base.starts_with("golang") {
        out.push("bin/");
    }
    out.push(".env");
    out
}

/// (f) `.dockerignore` missing, or not excluding `.git` / `node_modules`, with `COPY .`.
pub(super) fn dockerignore(cx: &Cx<'_, '_>, out: &mut Vec<Suggestion>) {
    if !cx.inputs.dockerignore_checked {
        return;
    }
    let m = cx.model;
    let Some((index, range)) = m
        .instructions
        .iter()
        .enumerate()
        .find_map(|(i, ins)| whole_context_source(ins).map(|r| (i, r)))
    else {
        return;
    };
    let shipped = m.is_shipped(index);
    let entries = ignore_entries(cx);
    let node = entries.contains(&"node_modules");
    let (title, bytes, method, confidence, missing) = match &cx.inputs.dockerignore {
        None => (
            "no .dockerignore: `COPY .` sends and copies everything, .git included".to_owned(),
            if node { 250 * MB } else { 50 * MB },
            if node {
                "typical .git (~50 MB) plus a local node_modules (~200 MB); measure with `du -sh .git node_modules`"
            } else {
                "typical size of a .git directory (~50 MB, grows with history); measure with `du -sh .git`"
            },
            Confidence::Low,
            entries.clone(),
        ),
        Some(text) => {
            let ig = DockerIgnore::parse(text);
            let mut missing = Vec::new();
            if ig.excluded_by(".git").is_none() {
                missing.push(".git");
            }
            if node && ig.excluded_by("node_modules").is_none() {
                missing.push("node_modules");
            }
            if missing.is_empty() {
                return;
            }
            let bytes = if missing.contains(&"node_modules") {
                200 * MB
            } else {
                0
            } + if missing.contains(&".git") {
                50 * MB
            } else {
                0
            };
            (
                format!(".dockerignore does not exclude {}", missing.join(" or ")),
                bytes,
                "typical .git ~50 MB, local node_modules ~200 MB; measure with `du -sh`",
                Confidence::Low,
                missing,
            )
        }
    };
    let where_ = if shipped {
        "They are sent to the builder on every build and copied into the shipped image"
    } else {
        "They are sent to the builder on every build and invalidate the COPY layer on any change"
    };
    let extra = if node {
        " A local node_modules also overwrites the modules installed in the image (built for the host, not the container)."
    } else {
        ""
    };
    out.push(suggestion(
        SuggestionKind::Dockerignore,
        "SZ021",
        title,
        format!(
            "{where_}.{extra} Add to .dockerignore:\n\n{}",
            missing
                .iter()
                .map(|e| format!("    {e}"))
                .collect::<Vec<_>>()
                .join("\n")
        ),
        range,
        bytes,
        if shipped {
            Basis::ImageUncompressed
        } else {
            Basis::BuildContext
        },
        method,
        confidence,
    ));
}
