//! The semantic model, built once per file: stages, their base images and dependencies, the
//! stages that ship, ARG/ENV scopes with BuildKit's rules, and the SHELL, USER and WORKDIR in
//! effect at every instruction.

pub mod expand;
pub mod reference;

use std::collections::HashMap;

use crate::syntax::{Args, CommandForm, Dockerfile, Instruction, Keyword, Word};
use crate::text::TextRange;

pub use expand::{Expanded, Lookup, expand};
pub use reference::ImageRef;

/// ARGs Docker defines without a declaration (their values are known only at build time).
pub const PLATFORM_ARGS: [&str; 8] = [
    "TARGETPLATFORM",
    "TARGETOS",
    "TARGETARCH",
    "TARGETVARIANT",
    "BUILDPLATFORM",
    "BUILDOS",
    "BUILDARCH",
    "BUILDVARIANT",
];

/// Proxy ARGs usable in RUN without a declaration.
pub const PROXY_ARGS: [&str; 8] = [
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
];

/// What a stage is built on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BaseKind {
    Scratch,
    /// An earlier stage, by index.
    Stage(usize),
    Image(ImageRef),
    /// Depends on a build argument without a default: unknown until build time.
    Unresolved,
    /// Expands to something that is not an image reference.
    Invalid,
}

#[derive(Clone, Debug)]
pub struct Base {
    /// As written.
    pub raw: String,
    pub range: TextRange,
    /// After expanding global ARG defaults.
    pub expanded: Expanded,
    pub kind: BaseKind,
}

/// Why one stage needs another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DependencyKind {
    FromBase,
    CopyFrom,
    MountFrom,
}

#[derive(Clone, Debug)]
pub struct Dependency {
    pub stage: usize,
    pub kind: DependencyKind,
    pub range: TextRange,
}

/// One build stage.
#[derive(Clone, Debug)]
pub struct Stage {
    pub index: usize,
    /// The `AS` name, lower-cased as Docker compares it.
    pub name: Option<String>,
    pub name_range: Option<TextRange>,
    /// Index of the FROM instruction in [`Model::instructions`].
    pub from: usize,
    /// One past the last instruction of the stage.
    pub end: usize,
    pub base: Base,
    pub platform: Option<String>,
    pub deps: Vec<Dependency>,
}

impl Stage {
    /// Instruction indices of the stage, FROM excluded.
    #[must_use]
    pub fn body(&self) -> std::ops::Range<usize> {
        self.from + 1..self.end
    }
}

/// Per-instruction context.
#[derive(Clone, Copy, Debug, Default)]
pub struct InsContext {
    pub stage: Option<usize>,
    /// The SHELL instruction in effect (possibly from an ancestor stage).
    pub shell: Option<usize>,
    /// The USER instruction in effect in this stage chain.
    pub user: Option<usize>,
    /// The WORKDIR instruction in effect in this stage chain.
    pub workdir: Option<usize>,
}

#[derive(Clone, Debug)]
struct VarDef {
    at: usize,
    value: Option<String>,
    is_env: bool,
}

/// The semantic model of one Dockerfile.
pub struct Model<'a> {
    pub source: &'a str,
    pub dockerfile: &'a Dockerfile,
    /// Top-level instructions in order.
    pub instructions: Vec<&'a Instruction>,
    pub contexts: Vec<InsContext>,
    pub stages: Vec<Stage>,
    /// ARGs before the first FROM: (name, default, instruction index), in order.
    pub global_args: Vec<(String, Option<String>, usize)>,
    /// Global ARG name → index in `global_args` of its last declaration.
    global_ids: HashMap<String, usize>,
    /// Per stage: whether its filesystem ends up in the shipped image (target + FROM ancestors).
    pub shipped: Vec<bool>,
    /// The stage that is built by default (the last one), or the `--target`.
    pub target: Option<usize>,
    /// ARG/ENV definitions by variable (in first-definition order), each list in instruction
    /// order across all stages: a stage's definitions are those inside its instruction range.
    /// One list per name rather than a map per stage: one `HashMap` type less in the .wasm.
    vars: Vec<(String, Vec<VarDef>)>,
    /// Variable name → index in `vars`.
    var_ids: HashMap<String, usize>,
    /// Stage name (lower-case) → first stage with that name.
    stage_names: HashMap<String, usize>,
    /// Per stage: the first stage of its FROM chain (itself unless built FROM a stage).
    roots: Vec<usize>,
    /// Per stage: its chain starts from a Windows image (see [`Model::is_windows_stage`]),
    /// decided once per stage: it is asked for every RUN.
    windows: Vec<bool>,
}

impl<'a> Model<'a> {
    /// Builds the model; `target` names the stage to build (`--target`), the last one if `None`.
    #[must_use]
    pub fn new(source: &'a str, dockerfile: &'a Dockerfile, target: Option<&str>) -> Self {
        let instructions: Vec<&Instruction> = dockerfile.instructions().collect();
        let mut m = Model {
            source,
            dockerfile,
            contexts: vec![InsContext::default(); instructions.len()],
            instructions,
            stages: Vec::new(),
            global_args: Vec::new(),
            global_ids: HashMap::new(),
            shipped: Vec::new(),
            target: None,
            vars: Vec::new(),
            var_ids: HashMap::new(),
            stage_names: HashMap::new(),
            roots: Vec::new(),
            windows: Vec::new(),
        };
        m.build_stages();
        // A stage's base is always an earlier stage, so one forward pass finds every root.
        for s in 0..m.stages.len() {
            let root = match m.stages[s].base.kind {
                BaseKind::Stage(p) if p < s => m.roots.get(p).copied().unwrap_or(p),
                _ => s,
            };
            m.roots.push(root);
        }
        m.windows = (0..m.stages.len())
            .map(|s| m.chain_looks_windows(s))
            .collect();
        m.build_contexts();
        m.target = match target {
            Some(t) => m.stage_by_name(t),
            None => m.stages.len().checked_sub(1),
        };
        m.shipped = vec![false; m.stages.len()];
        let mut cur = m.target;
        let mut guard = 0;
        while let Some(s) = cur {
            if guard > m.stages.len() || m.shipped[s] {
                break;
            }
            guard += 1;
            m.shipped[s] = true;
            cur = match m.stages[s].base.kind {
                BaseKind::Stage(p) => Some(p),
                _ => None,
            };
        }
        m
    }

    fn build_stages(&mut self) {
        let escape = self.dockerfile.escape;
        let mut names: HashMap<String, usize> = HashMap::new();
        for (i, ins) in self.instructions.iter().enumerate() {
            match (&ins.args, self.stages.is_empty()) {
                (Args::Arg(decls), true) => {
                    for d in decls {
                        let default = d.default.as_ref().map(|w| {
                            let (globals, ids) = (&self.global_args, &self.global_ids);
                            expand(&w.text, escape, &|n| global_lookup(globals, ids, n)).value
                        });
                        self.global_ids
                            .insert(d.name.text.clone(), self.global_args.len());
                        self.global_args.push((d.name.text.clone(), default, i));
                    }
                }
                (Args::From { image, alias, .. }, _) => {
                    let index = self.stages.len();
                    if let Some(prev) = self.stages.last_mut() {
                        prev.end = i;
                    }
                    let base = self.base(image.as_ref(), &names);
                    let platform = ins.flag("platform").and_then(|f| f.value.clone());
                    let name = alias.as_ref().map(|a| a.text.to_ascii_lowercase());
                    if let Some(n) = &name {
                        names.entry(n.clone()).or_insert(index);
                        self.stage_names.entry(n.clone()).or_insert(index);
                    }
                    let mut deps = Vec::new();
                    if let BaseKind::Stage(p) = base.kind {
                        deps.push(Dependency {
                            stage: p,
                            kind: DependencyKind::FromBase,
                            range: base.range,
                        });
                    }
                    self.stages.push(Stage {
                        index,
                        name,
                        name_range: alias.as_ref().map(|a| a.range),
                        from: i,
                        end: self.instructions.len(),
                        base,
                        platform,
                        deps,
                    });
                }
                _ => {}
            }
        }
        // Dependencies through COPY --from and RUN --mount from=.
        for s in 0..self.stages.len() {
            let range = self.stages[s].body();
            for i in range {
                let ins = self.instructions[i];
                let mut refs: Vec<(String, TextRange, DependencyKind)> = Vec::new();
                if matches!(ins.keyword, Keyword::Copy | Keyword::Add)
                    && let Some(f) = ins.flag("from")
                    && let Some(v) = &f.value
                {
                    refs.push((
                        v.clone(),
                        f.value_range.unwrap_or(f.range),
                        DependencyKind::CopyFrom,
                    ));
                }
                for mount in ins.mounts() {
                    if let Some(from) = &mount.from {
                        refs.push((from.clone(), mount.range, DependencyKind::MountFrom));
                    }
                }
                for (name, range, kind) in refs {
                    if let Some(stage) = self.resolve_stage_ref(&name, s) {
                        self.stages[s].deps.push(Dependency { stage, kind, range });
                    }
                }
            }
        }
    }

    fn base(&self, image: Option<&Word>, names: &HashMap<String, usize>) -> Base {
        let Some(word) = image else {
            return Base {
                raw: String::new(),
                range: TextRange::default(),
                expanded: Expanded::default(),
                kind: BaseKind::Invalid,
            };
        };
        let (globals, ids) = (&self.global_args, &self.global_ids);
        let expanded = expand(&word.text, self.dockerfile.escape, &|n| {
            global_lookup(globals, ids, n)
        });
        let kind = if expanded.unresolved {
            BaseKind::Unresolved
        } else if let Some(&s) = names.get(&expanded.value.to_ascii_lowercase()) {
            BaseKind::Stage(s)
        } else if expanded.value.eq_ignore_ascii_case("scratch") {
            BaseKind::Scratch
        } else {
            ImageRef::parse(&expanded.value).map_or(BaseKind::Invalid, BaseKind::Image)
        };
        Base {
            raw: word.text.clone(),
            range: word.range,
            expanded,
            kind,
        }
    }

    /// A stage named `name` (case-insensitive) or given by index, defined before stage `before`.
    #[must_use]
    pub fn resolve_stage_ref(&self, name: &str, before: usize) -> Option<usize> {
        if let Ok(n) = name.parse::<usize>() {
            return (n < before).then_some(n);
        }
        // A map, not a scan: files with thousands of stages must stay linear.
        let found = match self.stage_names.get(name) {
            Some(&i) => Some(i),
            None => self.stage_names.get(&name.to_ascii_lowercase()).copied(),
        };
        found.filter(|&i| i < before)
    }

    /// The first stage named `name` (lower-case, as stage names are kept), by name only.
    #[must_use]
    pub fn first_stage_named(&self, name: &str) -> Option<usize> {
        self.stage_names.get(name).copied()
    }

    /// A stage by name anywhere in the file.
    #[must_use]
    pub fn stage_by_name(&self, name: &str) -> Option<usize> {
        self.resolve_stage_ref(name, self.stages.len())
    }

    fn build_contexts(&mut self) {
        let mut finals: Vec<InsContext> = Vec::with_capacity(self.stages.len());
        for s in 0..self.stages.len() {
            let parent = match self.stages[s].base.kind {
                BaseKind::Stage(p) if p < s => Some(p),
                _ => None,
            };
            // Inherit from the parent stage's last state.
            let mut ctx = InsContext {
                stage: Some(s),
                ..InsContext::default()
            };
            if let Some(pc) = parent.and_then(|p| finals.get(p)) {
                ctx.shell = pc.shell;
                ctx.user = pc.user;
                ctx.workdir = pc.workdir;
            }
            let from = self.stages[s].from;
            self.contexts[from] = ctx;
            for i in self.stages[s].body() {
                self.contexts[i] = ctx;
                let ins = self.instructions[i];
                match &ins.args {
                    Args::Shell(Some(CommandForm::Exec(_))) => ctx.shell = Some(i),
                    Args::User(Some(_)) => ctx.user = Some(i),
                    Args::Workdir(Some(_)) => ctx.workdir = Some(i),
                    Args::Arg(decls) => {
                        for d in decls {
                            let value = d
                                .default
                                .as_ref()
                                .map(|w| self.expand_at(&w.text, i).value)
                                .or_else(|| {
                                    // `ARG X` in a stage takes the global default, if any.
                                    global_lookup_owned(
                                        &self.global_args,
                                        &self.global_ids,
                                        &d.name.text,
                                    )
                                });
                            self.define(
                                &d.name.text,
                                VarDef {
                                    at: i,
                                    value,
                                    is_env: false,
                                },
                            );
                        }
                    }
                    Args::Env(pairs) => {
                        for p in pairs {
                            let value = self.expand_at(&p.value.text, i);
                            let value = (!value.unresolved).then_some(value.value);
                            self.define(
                                &p.key.text,
                                VarDef {
                                    at: i,
                                    value,
                                    is_env: true,
                                },
                            );
                        }
                    }
                    _ => {}
                }
            }
            finals.push(ctx);
        }
    }

    /// Records a definition (instructions are visited in order, so each list stays sorted).
    fn define(&mut self, name: &str, def: VarDef) {
        let id = match self.var_ids.get(name) {
            Some(&id) => id,
            None => {
                let id = self.vars.len();
                self.var_ids.insert(name.to_owned(), id);
                self.vars.push((name.to_owned(), Vec::new()));
                id
            }
        };
        if let Some((_, defs)) = self.vars.get_mut(id) {
            defs.push(def);
        }
    }

    /// The definitions of `name` in stage `s` by instructions before `limit`, in order.
    fn defs_before(&self, name: &str, s: usize, limit: usize) -> &[VarDef] {
        let Some((_, defs)) = self.var_ids.get(name).and_then(|&id| self.vars.get(id)) else {
            return &[];
        };
        let from = self.stages.get(s).map_or(0, |st| st.from);
        let lo = defs.partition_point(|d| d.at < from);
        let hi = defs.partition_point(|d| d.at < limit).max(lo);
        defs.get(lo..hi).unwrap_or_default()
    }

    /// Looks a variable up as seen by instruction `at` (exclusive: definitions by `at` itself
    /// are not visible, as in Docker).
    #[must_use]
    pub fn lookup(&self, name: &str, at: usize) -> Lookup<'_> {
        let Some(stage) = self.contexts.get(at).and_then(|c| c.stage) else {
            return global_lookup(&self.global_args, &self.global_ids, name);
        };
        if self.stages.get(stage).is_some_and(|s| s.from == at) {
            return global_lookup(&self.global_args, &self.global_ids, name);
        }
        let mut s = stage;
        let mut limit = at;
        let mut only_env = false;
        for _ in 0..=self.stages.len() {
            let defs = self.defs_before(name, s, limit);
            if let Some(d) = defs.iter().rev().find(|d| !only_env || d.is_env) {
                return d.value.as_deref().map_or(Lookup::Unknown, Lookup::Value);
            }
            match self.stages.get(s).map(|st| &st.base.kind) {
                Some(BaseKind::Stage(p)) if *p < s => {
                    limit = self.stages[*p].end;
                    s = *p;
                    only_env = true;
                }
                Some(BaseKind::Scratch) => return Lookup::Undefined,
                // A base image may define any ENV: unknowable offline.
                _ => return Lookup::Unknown,
            }
        }
        Lookup::Unknown
    }

    /// The last declaration of global ARG `name` (before the first FROM): (name, default,
    /// instruction index).
    #[must_use]
    pub fn global_arg(&self, name: &str) -> Option<&(String, Option<String>, usize)> {
        self.global_ids
            .get(name)
            .and_then(|&i| self.global_args.get(i))
    }

    /// Whether a name is defined in the stage chain (not counting the base image).
    #[must_use]
    pub fn is_defined_in_file(&self, name: &str, at: usize) -> bool {
        matches!(self.lookup_file_only(name, at), Some(true))
    }

    fn lookup_file_only(&self, name: &str, at: usize) -> Option<bool> {
        let stage = self.contexts.get(at)?.stage?;
        let mut s = stage;
        let mut limit = at;
        for _ in 0..=self.stages.len() {
            if !self.defs_before(name, s, limit).is_empty() {
                return Some(true);
            }
            match self.stages.get(s).map(|st| &st.base.kind) {
                Some(BaseKind::Stage(p)) if *p < s => {
                    limit = self.stages[*p].end;
                    s = *p;
                }
                _ => return Some(false),
            }
        }
        Some(false)
    }

    /// Every variable name declared by ARG or ENV anywhere (for "did you mean" suggestions).
    pub fn declared_names(&self) -> impl Iterator<Item = &str> {
        self.vars
            .iter()
            .map(|(name, _)| name.as_str())
            .chain(self.global_args.iter().map(|(n, _, _)| n.as_str()))
    }

    /// Expands a word as instruction `at` sees it.
    #[must_use]
    pub fn expand_at(&self, word: &str, at: usize) -> Expanded {
        expand(word, self.dockerfile.escape, &|n| self.lookup(n, at))
    }

    /// The stage of instruction `i`.
    #[must_use]
    pub fn stage_of(&self, i: usize) -> Option<&Stage> {
        self.contexts.get(i)?.stage.and_then(|s| self.stages.get(s))
    }

    /// Whether instruction `i` belongs to a stage that ships.
    #[must_use]
    pub fn is_shipped(&self, i: usize) -> bool {
        self.contexts
            .get(i)
            .and_then(|c| c.stage)
            .is_some_and(|s| self.shipped.get(s).copied().unwrap_or(false))
    }

    /// The shell argv in effect at instruction `i` (default `/bin/sh -c`).
    #[must_use]
    pub fn shell_at(&self, i: usize) -> Vec<&str> {
        match self
            .contexts
            .get(i)
            .and_then(|c| c.shell)
            .map(|s| &self.instructions[s].args)
        {
            Some(Args::Shell(Some(CommandForm::Exec(e)))) => {
                e.args.iter().map(|w| w.text.as_str()).collect()
            }
            _ => vec!["/bin/sh", "-c"],
        }
    }

    /// Whether the shell at `i` is a POSIX shell (not PowerShell or cmd). Asked for every RUN,
    /// so it allocates nothing.
    #[must_use]
    pub fn is_posix_shell_at(&self, i: usize) -> bool {
        let shell = self.contexts.get(i).and_then(|c| c.shell);
        let exe = match shell.map(|s| &self.instructions[s].args) {
            Some(Args::Shell(Some(CommandForm::Exec(e)))) => {
                e.args.first().map_or("", |w| w.text.as_str())
            }
            _ => "/bin/sh",
        };
        let base = exe.rsplit(['/', '\\']).next().unwrap_or(exe);
        let base = match base
            .len()
            .checked_sub(4)
            .and_then(|n| base.split_at_checked(n))
        {
            Some((stem, ext)) if ext.eq_ignore_ascii_case(".exe") => stem,
            _ => base,
        };
        if ["pwsh", "powershell", "cmd"]
            .iter()
            .any(|n| base.eq_ignore_ascii_case(n))
        {
            return false;
        }
        // Windows images without SHELL run cmd; detect by a Windows base in the stage chain.
        !(shell.is_none() && self.is_windows_stage(i))
    }

    /// The first stage of `stage`'s FROM chain: the one built from an image (or scratch).
    #[must_use]
    pub fn root_stage(&self, stage: usize) -> Option<usize> {
        self.roots.get(stage).copied()
    }

    /// Heuristic: the stage chain starts from a Windows image or the file uses the backtick escape.
    #[must_use]
    pub fn is_windows_stage(&self, i: usize) -> bool {
        self.contexts
            .get(i)
            .and_then(|c| c.stage)
            .and_then(|s| self.windows.get(s))
            .copied()
            .unwrap_or(false)
    }

    /// [`Model::is_windows_stage`] for the instructions of stage `s`.
    fn chain_looks_windows(&self, s: usize) -> bool {
        let Some(root) = self.root_stage(s).and_then(|r| self.stages.get(r)) else {
            return false;
        };
        if matches!(root.base.kind, BaseKind::Stage(_)) {
            return false;
        }
        let v = root.base.expanded.value.as_str();
        let has = |word: &str| {
            v.as_bytes()
                .windows(word.len())
                .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
        };
        has("windows")
            || has("nanoserver")
            || has("servercore")
            || (self.dockerfile.escape == '`' && !has("linux"))
    }

    /// The USER value in effect at `i`, expanded (`None`: never set in the file, so the base image decides).
    #[must_use]
    pub fn user_at(&self, i: usize) -> Option<String> {
        let u = self.contexts.get(i)?.user?;
        match &self.instructions[u].args {
            Args::User(Some(w)) => Some(self.expand_at(&w.text, u).value),
            _ => None,
        }
    }
}

/// The last declaration of global ARG `name`, found through `ids` (name → index in `globals`).
fn global_lookup<'g>(
    globals: &'g [(String, Option<String>, usize)],
    ids: &HashMap<String, usize>,
    name: &str,
) -> Lookup<'g> {
    match ids.get(name).and_then(|&i| globals.get(i)) {
        Some((_, Some(v), _)) => Lookup::Value(v),
        Some((_, None, _)) => Lookup::Unknown,
        None if PLATFORM_ARGS.contains(&name) => Lookup::Unknown,
        None => Lookup::Undefined,
    }
}

fn global_lookup_owned(
    globals: &[(String, Option<String>, usize)],
    ids: &HashMap<String, usize>,
    name: &str,
) -> Option<String> {
    match global_lookup(globals, ids, name) {
        Lookup::Value(v) => Some(v.to_owned()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    #[test]
    fn stages_bases_and_shipping() {
        let src = "ARG BASE=node\nARG TAG=20\nFROM ${BASE}:${TAG} AS build\nENV X=1\nFROM build AS mid\nFROM alpine:3.19\nCOPY --from=mid /a /b\n";
        let df = parse(src);
        let m = Model::new(src, &df, None);
        assert_eq!(m.stages.len(), 3);
        assert!(
            matches!(&m.stages[0].base.kind, BaseKind::Image(r) if r.repository == "node" && r.tag.as_deref() == Some("20"))
        );
        assert_eq!(m.stages[1].base.kind, BaseKind::Stage(0));
        assert_eq!(m.shipped, [false, false, true]);
        assert_eq!(m.stages[2].deps[0].stage, 1);
        let m = Model::new(src, &df, Some("mid"));
        assert_eq!(m.shipped, [true, true, false]);
    }

    #[test]
    fn scopes_follow_buildkit() {
        let src = "ARG V=1\nFROM scratch\nRUN echo\nARG V\nENV E=$V\nFROM scratch\nRUN x\n";
        let df = parse(src);
        let m = Model::new(src, &df, None);
        // Global ARG is not visible in the stage until re-declared.
        assert_eq!(m.lookup("V", 2), Lookup::Undefined);
        assert_eq!(m.lookup("V", 4), Lookup::Value("1"));
        assert_eq!(m.lookup("E", 5), Lookup::Undefined);
        assert!(m.expand_at("$V", 4).undefined.is_empty());
        assert_eq!(m.expand_at("$E", 6).undefined, ["E"]);
    }

    #[test]
    fn shell_user_workdir_inherit() {
        let src = "FROM mcr.microsoft.com/windows/servercore AS w\nRUN dir\nFROM debian AS a\nSHELL [\"/bin/bash\", \"-c\"]\nUSER app\nFROM a\nRUN x\n";
        let df = parse(src);
        let m = Model::new(src, &df, None);
        assert!(!m.is_posix_shell_at(1));
        assert_eq!(m.shell_at(6), ["/bin/bash", "-c"]);
        assert_eq!(m.user_at(6).as_deref(), Some("app"));
    }

    #[test]
    fn posix_shell_detection() {
        let posix = |src: &str, i: usize| {
            let df = parse(src);
            Model::new(src, &df, None).is_posix_shell_at(i)
        };
        assert!(posix("FROM debian\nRUN x\n", 1));
        assert!(posix(
            "FROM debian\nSHELL [\"/bin/bash\", \"-c\"]\nRUN x\n",
            2
        ));
        for shell in [
            "pwsh",
            "C:\\\\Windows\\\\PowerShell.EXE",
            "cmd.exe",
            "CMD",
            "/usr/bin/pwsh",
        ] {
            let src = format!("FROM debian\nSHELL [\"{shell}\", \"-c\"]\nRUN x\n");
            assert!(!posix(&src, 2), "{shell}");
        }
        // A Windows base decides only while no SHELL is set; the match ignores case.
        assert!(!posix(
            "FROM mcr.microsoft.com/Windows/NanoServer:ltsc2022\nRUN dir\n",
            1
        ));
        assert!(posix(
            "FROM mcr.microsoft.com/windows/nanoserver\nSHELL [\"sh\", \"-c\"]\nRUN x\n",
            2
        ));
        assert!(!posix("# escape=`\nFROM example/base\nRUN dir\n", 1));
        assert!(posix("# escape=`\nFROM example/linux-base\nRUN x\n", 1));
    }
}
