//! The lossless Dockerfile syntax tree.
//!
//! Every byte of the input belongs to exactly one [`Item`] (instruction, comment, blank line,
//! directive), so concatenating the items' ranges reproduces the file byte for byte. Values are
//! kept twice: the exact [`TextRange`] in the file and the text BuildKit's parser produces.

use crate::text::TextRange;

use super::logical::LogicalLine;

/// A parsed Dockerfile.
#[derive(Clone, Debug, Default)]
pub struct Dockerfile {
    /// Parser directives (`# syntax=`, `# escape=`, `# check=`) at the top of the file.
    pub directives: Vec<Directive>,
    /// The active escape character (`\` unless `# escape=`` ` ``).
    pub escape: char,
    /// Items in source order; their ranges tile the whole input.
    pub items: Vec<Item>,
    /// Syntax and validation errors, in source order.
    pub errors: Vec<SyntaxError>,
    /// The file started with a UTF-8 byte-order mark (kept inside the first item's range).
    pub bom: bool,
}

impl Dockerfile {
    /// Every instruction, in order (ONBUILD triggers are inside their ONBUILD).
    pub fn instructions(&self) -> impl Iterator<Item = &Instruction> {
        self.items.iter().filter_map(|item| match &item.kind {
            ItemKind::Instruction(i) => Some(&**i),
            _ => None,
        })
    }

    /// The comments, in order.
    pub fn comments(&self) -> impl Iterator<Item = &Comment> {
        self.items.iter().filter_map(|item| match &item.kind {
            ItemKind::Comment(c) => Some(c),
            _ => None,
        })
    }

    /// A directive by (lower-case) name.
    #[must_use]
    pub fn directive(&self, name: &str) -> Option<&Directive> {
        self.directives.iter().find(|d| d.name == name)
    }
}

/// One top-level piece of the file, with its full range (line terminators included).
#[derive(Clone, Debug)]
pub struct Item {
    pub range: TextRange,
    pub kind: ItemKind,
}

#[derive(Clone, Debug)]
pub enum ItemKind {
    /// Index into [`Dockerfile::directives`].
    Directive(usize),
    Comment(Comment),
    /// A line holding only whitespace.
    Blank,
    Instruction(Box<Instruction>),
}

/// `# name=value` at the very top of the file.
#[derive(Clone, Debug)]
pub struct Directive {
    pub range: TextRange,
    /// Lower-cased name: `syntax`, `escape` or `check`.
    pub name: String,
    pub name_range: TextRange,
    pub value: String,
    pub value_range: TextRange,
}

/// A whole-line comment. `text_range` excludes the `#` and surrounding whitespace.
#[derive(Clone, Debug)]
pub struct Comment {
    pub range: TextRange,
    /// The text after `#`, trimmed (see [`Comment::text`]).
    pub text_range: TextRange,
    /// The comment sits between the lines of a continued instruction.
    pub inside_instruction: bool,
}

impl Comment {
    /// The text after `#`, trimmed, from the file's `source`.
    #[must_use]
    pub fn text<'s>(&self, source: &'s str) -> &'s str {
        self.text_range.slice(source)
    }
}

/// Instruction keywords. `Unknown` keeps whatever word was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Keyword {
    From,
    Run,
    Cmd,
    Entrypoint,
    Shell,
    Label,
    Maintainer,
    Expose,
    Env,
    Add,
    Copy,
    Workdir,
    User,
    Volume,
    Arg,
    Onbuild,
    Stopsignal,
    Healthcheck,
    Unknown,
}

impl Keyword {
    pub const ALL: [Self; 18] = [
        Self::From,
        Self::Run,
        Self::Cmd,
        Self::Entrypoint,
        Self::Shell,
        Self::Label,
        Self::Maintainer,
        Self::Expose,
        Self::Env,
        Self::Add,
        Self::Copy,
        Self::Workdir,
        Self::User,
        Self::Volume,
        Self::Arg,
        Self::Onbuild,
        Self::Stopsignal,
        Self::Healthcheck,
    ];

    /// Case-insensitive lookup, as Docker does.
    #[must_use]
    pub fn parse(word: &str) -> Self {
        // Length and first letter leave one candidate (two for `A??`), then one
        // case-insensitive compare: no loop over all keywords, no wide-integer arithmetic
        // (a call per shift in WebAssembly).
        let w = word.as_bytes();
        let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
            return Self::Unknown;
        };
        let candidate = match (w.len(), first.to_ascii_uppercase()) {
            (4, b'F') => Self::From,
            (3, b'R') => Self::Run,
            (3, b'C') => Self::Cmd,
            (10, b'E') => Self::Entrypoint,
            (5, b'S') => Self::Shell,
            (5, b'L') => Self::Label,
            (10, b'M') => Self::Maintainer,
            (6, b'E') => Self::Expose,
            (3, b'E') => Self::Env,
            (3, b'A') if last.eq_ignore_ascii_case(&b'd') => Self::Add,
            (3, b'A') => Self::Arg,
            (4, b'C') => Self::Copy,
            (7, b'W') => Self::Workdir,
            (4, b'U') => Self::User,
            (6, b'V') => Self::Volume,
            (7, b'O') => Self::Onbuild,
            (10, b'S') => Self::Stopsignal,
            (11, b'H') => Self::Healthcheck,
            _ => return Self::Unknown,
        };
        if w.eq_ignore_ascii_case(candidate.as_str().as_bytes()) {
            candidate
        } else {
            Self::Unknown
        }
    }

    /// The canonical upper-case spelling.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::From => "FROM",
            Self::Run => "RUN",
            Self::Cmd => "CMD",
            Self::Entrypoint => "ENTRYPOINT",
            Self::Shell => "SHELL",
            Self::Label => "LABEL",
            Self::Maintainer => "MAINTAINER",
            Self::Expose => "EXPOSE",
            Self::Env => "ENV",
            Self::Add => "ADD",
            Self::Copy => "COPY",
            Self::Workdir => "WORKDIR",
            Self::User => "USER",
            Self::Volume => "VOLUME",
            Self::Arg => "ARG",
            Self::Onbuild => "ONBUILD",
            Self::Stopsignal => "STOPSIGNAL",
            Self::Healthcheck => "HEALTHCHECK",
            Self::Unknown => "UNKNOWN",
        }
    }

    /// Instructions that create a filesystem layer.
    #[must_use]
    pub const fn creates_layer(self) -> bool {
        matches!(self, Self::Run | Self::Copy | Self::Add)
    }
}

/// A word of an instruction: its exact place in the file and its value as BuildKit reads it
/// (continuations removed; quotes kept where BuildKit keeps them, e.g. in ENV values).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub range: TextRange,
    pub text: String,
}

/// A `--name[=value]` flag before the arguments.
#[derive(Clone, Debug)]
pub struct Flag {
    pub range: TextRange,
    /// The flag word as BuildKit reads it, e.g. `--mount=type=cache,target=/root/.cache`.
    pub text: String,
    /// Name without dashes, e.g. `mount`.
    pub name: String,
    pub name_range: TextRange,
    pub value: Option<String>,
    pub value_range: Option<TextRange>,
}

/// A heredoc attached to RUN, COPY or ADD.
#[derive(Clone, Debug)]
pub struct Heredoc {
    /// The delimiter with quotes removed (`EOF`).
    pub name: String,
    /// The `<<EOF` marker in the instruction line.
    pub marker_range: TextRange,
    pub file_descriptor: u32,
    /// `<<-`: leading tabs are stripped from the body.
    pub chomp: bool,
    /// Quoted delimiter (`<<'EOF'`/`<<"EOF"`): no variable expansion in the body.
    pub quoted: bool,
    /// The body lines exactly as in the file (BuildKit's `content`).
    pub content: String,
    pub content_range: TextRange,
    /// The terminator line; `None` when the heredoc is unterminated.
    pub terminator_range: Option<TextRange>,
}

/// Exec form (`["a", "b"]`) or shell form of RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD.
#[derive(Clone, Debug)]
pub enum CommandForm {
    Exec(ExecForm),
    Shell(ShellForm),
}

#[derive(Clone, Debug)]
pub struct ExecForm {
    pub range: TextRange,
    pub args: Vec<Word>,
    /// Text after the closing `]` that Docker silently ignores.
    pub trailing: Option<TextRange>,
}

#[derive(Clone, Debug)]
pub struct ShellForm {
    /// The command text as the shell receives it, continuations and inner comments removed.
    pub text: LogicalLine,
    /// The text looks like a broken JSON array (single quotes, missing bracket, …).
    pub looks_like_json: bool,
}

impl CommandForm {
    #[must_use]
    pub const fn is_exec(&self) -> bool {
        matches!(self, Self::Exec(_))
    }

    /// The exec-form words, if any.
    #[must_use]
    pub fn exec_args(&self) -> Option<&[Word]> {
        match self {
            Self::Exec(e) => Some(&e.args),
            Self::Shell(_) => None,
        }
    }

    /// The shell text, if shell form.
    #[must_use]
    pub const fn shell(&self) -> Option<&ShellForm> {
        match self {
            Self::Shell(s) => Some(s),
            Self::Exec(_) => None,
        }
    }
}

/// `KEY=value` (or legacy `KEY value`) in ENV and LABEL.
#[derive(Clone, Debug)]
pub struct KeyValue {
    pub range: TextRange,
    pub key: Word,
    /// The value as BuildKit keeps it (quotes included).
    pub value: Word,
    /// Written as `KEY value` rather than `KEY=value`.
    pub legacy: bool,
}

/// `ARG name[=default]`.
#[derive(Clone, Debug)]
pub struct ArgDecl {
    pub range: TextRange,
    pub name: Word,
    pub default: Option<Word>,
}

/// A `RUN --mount=...` option set.
#[derive(Clone, Debug, Default)]
pub struct Mount {
    pub range: TextRange,
    pub kind: MountKind,
    pub target: Option<String>,
    pub source: Option<String>,
    pub from: Option<String>,
    pub id: Option<String>,
    pub sharing: Option<String>,
    pub mode: Option<String>,
    pub uid: Option<String>,
    pub gid: Option<String>,
    pub readonly: bool,
    pub required: bool,
    pub env: Option<String>,
    /// Keys this parser does not know, with their values.
    pub unknown: Vec<(String, String)>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MountKind {
    #[default]
    Bind,
    Cache,
    Tmpfs,
    Secret,
    Ssh,
    Unknown,
}

impl MountKind {
    #[must_use]
    pub fn parse(s: &str) -> Self {
        match s.to_ascii_lowercase().as_str() {
            "bind" => Self::Bind,
            "cache" => Self::Cache,
            "tmpfs" => Self::Tmpfs,
            "secret" => Self::Secret,
            "ssh" => Self::Ssh,
            _ => Self::Unknown,
        }
    }
}

/// The typed arguments of an instruction.
#[derive(Clone, Debug)]
pub enum Args {
    From {
        image: Option<Word>,
        as_keyword: Option<Word>,
        alias: Option<Word>,
        extra: Vec<Word>,
    },
    Run {
        command: Option<CommandForm>,
        mounts: Vec<Mount>,
    },
    Cmd(Option<CommandForm>),
    Entrypoint(Option<CommandForm>),
    Shell(Option<CommandForm>),
    Label(Vec<KeyValue>),
    Env(Vec<KeyValue>),
    Maintainer(Option<Word>),
    Expose(Vec<Word>),
    /// COPY and ADD: sources then destination (`paths` holds all, the last is the destination).
    Copy {
        paths: Vec<Word>,
        json: bool,
    },
    Workdir(Option<Word>),
    User(Option<Word>),
    Volume {
        paths: Vec<Word>,
        json: bool,
    },
    Arg(Vec<ArgDecl>),
    Onbuild(Option<Box<Instruction>>),
    Stopsignal(Option<Word>),
    Healthcheck(Healthcheck),
    /// Unknown instruction: the raw argument text.
    Unknown,
}

#[derive(Clone, Debug)]
pub enum Healthcheck {
    Missing,
    None(Word),
    Cmd {
        cmd_keyword: Word,
        command: Option<CommandForm>,
    },
    /// A type other than NONE/CMD (Docker rejects it; the rest is parsed like CMD's).
    Invalid {
        kind: Word,
        command: Option<CommandForm>,
    },
}

/// One instruction with everything it spans (continuation lines and heredoc bodies).
#[derive(Clone, Debug)]
pub struct Instruction {
    /// From the keyword to the end of the last line (heredoc terminators included), no final newline.
    pub range: TextRange,
    pub keyword: Keyword,
    /// Where the keyword as written lies in [`Instruction::line`] (see
    /// [`Instruction::keyword_text`]).
    pub keyword_at: TextRange,
    pub keyword_range: TextRange,
    pub flags: Vec<Flag>,
    pub args: Args,
    /// The argument text after the flags: offsets in [`Instruction::line`].
    pub args_range: TextRange,
    /// The whole logical line (keyword to end, continuations joined).
    pub line: LogicalLine,
    pub heredocs: Vec<Heredoc>,
    /// 0-based first and last physical line.
    pub start_line: u32,
    pub end_line: u32,
    /// Some lines of a continuation were blank (BuildKit warns; it will become an error).
    pub empty_continuation_lines: Vec<TextRange>,
}

impl Instruction {
    /// The keyword as written (`run`, `Run`, …).
    #[must_use]
    pub fn keyword_text(&self) -> &str {
        self.keyword_at.slice(self.line.as_str())
    }

    /// The file range of the argument text ([`Instruction::args_range`]); empty arguments
    /// give the empty range at 0.
    #[must_use]
    pub fn args_file_range(&self) -> TextRange {
        if self.args_range.is_empty() {
            TextRange::default()
        } else {
            self.line.range_to_file(self.args_range)
        }
    }

    /// A flag by name (without dashes); the last one wins, as in Docker.
    #[must_use]
    pub fn flag(&self, name: &str) -> Option<&Flag> {
        self.flags.iter().rev().find(|f| f.name == name)
    }

    /// The shell-form or exec-form command of RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK CMD.
    #[must_use]
    pub fn command(&self) -> Option<&CommandForm> {
        match &self.args {
            Args::Run { command, .. }
            | Args::Cmd(command)
            | Args::Entrypoint(command)
            | Args::Shell(command) => command.as_ref(),
            Args::Healthcheck(
                Healthcheck::Cmd { command, .. } | Healthcheck::Invalid { command, .. },
            ) => command.as_ref(),
            _ => None,
        }
    }

    /// RUN mounts (empty for other instructions).
    #[must_use]
    pub fn mounts(&self) -> &[Mount] {
        match &self.args {
            Args::Run { mounts, .. } => mounts,
            _ => &[],
        }
    }

    /// The range of the first physical line of the instruction.
    #[must_use]
    pub fn first_line_range(&self) -> TextRange {
        self.line.first_segment_range().unwrap_or(self.range)
    }
}

/// What kind of syntax problem was found. Each maps to a rule code in the linter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyntaxErrorKind {
    /// Generic malformed input: unterminated JSON, bad key/value, …
    Invalid,
    UnknownInstruction,
    NoInstructions,
    InstructionBeforeFrom,
    UnknownFlag,
    InvalidFlagValue,
    MissingArguments,
    ExtraArguments,
    ShellNotJson,
    OnbuildTrigger,
    UnterminatedHeredoc,
    InvalidDirective,
    InvalidUtf8,
}

/// A positioned syntax or validation error: what is wrong, where, and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub range: TextRange,
    pub message: String,
    pub help: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::Keyword;

    #[test]
    fn keywords_parse_in_any_case_and_nothing_else_does() {
        for k in Keyword::ALL {
            let upper = k.as_str();
            assert_eq!(Keyword::parse(upper), k);
            assert_eq!(Keyword::parse(&upper.to_ascii_lowercase()), k);
            let mixed: String = upper
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 1 {
                        c.to_ascii_lowercase()
                    } else {
                        c
                    }
                })
                .collect();
            assert_eq!(Keyword::parse(&mixed), k);
            assert_eq!(Keyword::parse(&upper[1..]), Keyword::Unknown, "{upper}");
            assert_eq!(Keyword::parse(&format!("{upper}S")), Keyword::Unknown);
        }
        for w in ["", "RU", "FRÖM", "ÉNV", "copy2", " RUN"] {
            assert_eq!(Keyword::parse(w), Keyword::Unknown, "{w}");
        }
    }
}
