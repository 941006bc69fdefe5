//! A POSIX-shell analyser for Dockerfile `RUN` bodies.
//!
//! [`parse`] takes the shell text exactly as the shell would receive it and returns a flat
//! list of simple [`Command`]s (including those nested in `$(…)`, backticks, subshells,
//! groups, control-structure bodies and `sh -c '…'` strings) plus recoverable
//! [`ShellError`]s. Every range is a byte range into the given text and always lies on
//! char boundaries. Parsing never panics, runs in a single pass (nested `sh -c` strings are
//! re-parsed once per level) and caps nesting at [`MAX_DEPTH`] levels, beyond which the
//! rest of a construct is kept as opaque text.
//!
//! Typed views over well-known tools live in [`commands`].

pub mod commands;
mod parser;
mod unwrap;

use crate::text::TextRange;

pub use parser::MAX_DEPTH;
pub(crate) use unwrap::SHELLS;

/// Parses shell text into commands; never fails, problems are reported in [`Script::errors`].
#[must_use]
pub fn parse(text: &str) -> Script {
    parser::parse_script(text, 0)
}

/// The result of [`parse`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Script {
    /// All simple commands in source order of their start (outer before inner).
    pub commands: Vec<Command>,
    /// Recoverable problems (unterminated quotes, unbalanced parentheses, …).
    pub errors: Vec<ShellError>,
}

/// A recoverable syntax problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellError {
    pub range: TextRange,
    pub message: String,
}

/// What joined a command to the previous command of the same list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Separator {
    /// First command of its list (script, `$(…)`, subshell, group, `sh -c` string).
    Start,
    /// `&&`
    And,
    /// `||`
    Or,
    /// `;` (also `;;` and friends in `case`)
    Semi,
    /// A newline.
    Newline,
    /// `|` or `|&`
    Pipe,
    /// `&`
    Background,
}

/// One shell word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// The raw word in the text, quotes included.
    pub range: TextRange,
    /// Quotes removed and backslash escapes resolved; expansions (`$VAR`, `${…}`, `$(…)`,
    /// `` `…` ``, `$((…))`) are kept verbatim.
    pub value: String,
    /// Any part was quoted (single, double, `$'…'` or backslash-escaped).
    pub quoted: bool,
    /// Contains an unquoted or double-quoted `$` / backtick expansion.
    pub has_expansion: bool,
}

impl Word {
    /// The raw text of the word in `source`.
    #[must_use]
    pub fn raw<'s>(&self, source: &'s str) -> &'s str {
        self.range.slice(source)
    }

    /// `true` when the value is fully known statically (no expansion).
    #[must_use]
    pub const fn is_literal(&self) -> bool {
        !self.has_expansion
    }
}

/// A redirection such as `> file`, `2>&1`, `<<EOF`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redirect {
    /// The operator without its file-descriptor prefix: `>`, `>>`, `<`, `>&`, `<&`, `&>`,
    /// `&>>`, `<>`, `>|`, `<<`, `<<-`, `<<<`.
    pub op: &'static str,
    /// The explicit file descriptor (`2` in `2>&1`), or the `{var}` name text.
    pub fd: Option<String>,
    /// The target word (the delimiter word for here-documents).
    pub target: Option<Word>,
    /// The whole redirection, fd and target included.
    pub range: TextRange,
    /// For here-documents: the body lines (without the delimiter line), when found.
    pub heredoc_body: Option<TextRange>,
}

/// One simple command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    /// From the first word (assignment or redirect) to the last word or redirect.
    pub range: TextRange,
    /// What joined it to the previous command of the same list.
    pub separator: Separator,
    /// `FOO=bar` prefixes.
    pub assignments: Vec<Word>,
    /// Stripped wrapper words with their flags: `sudo -u x`, `env -i A=b`, `nice -n 5`, …
    pub wrappers: Vec<Word>,
    /// The command after unwrapping (`None` for assignment- or redirect-only commands).
    pub name: Option<Word>,
    pub args: Vec<Word>,
    pub redirects: Vec<Redirect>,
    /// 0 at top level (control-structure bodies included); +1 per `( )`, `{ }`, `$( )`,
    /// backticks, process substitution and `sh -c` string.
    pub depth: u32,
    /// `! cmd`
    pub negated: bool,
    /// Identifies the command list this command belongs to: commands with the same
    /// `list` are siblings joined by their [`Separator`]s.
    pub list: u32,
    /// Index (in [`Script::commands`]) of the command whose word contains this one
    /// (`$(…)`, backticks, `sh -c` string), if any.
    pub parent: Option<usize>,
    /// Where the basename starts in `name.value`: every rule asks for the name, so the
    /// `/`-search is done once, here, and not per rule.
    pub(crate) name_base: u32,
    /// The package-manager family of the name (see [`commands::Family`]).
    pub family: commands::Family,
    /// Which of the commands rules look for it is (see [`commands::Tool`]).
    pub tool: commands::Tool,
    /// This command's number among all commands of the file's scripts, in script order: set
    /// when a lint collects the scripts, so per-lint command views are found by index.
    pub(crate) number: u32,
}

impl Script {
    /// Any command is fed by a pipe.
    #[must_use]
    pub fn has_pipe(&self) -> bool {
        self.commands.iter().any(|c| c.separator == Separator::Pipe)
    }

    /// All commands, outer before inner, in source order.
    pub fn iter(&self) -> std::slice::Iter<'_, Command> {
        self.commands.iter()
    }

    /// Commands whose (basename) name is `name`.
    pub fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Command> + 'a {
        self.commands.iter().filter(move |c| c.name_str() == name)
    }

    /// The previous sibling of command `index` in the same list, if any.
    #[must_use]
    pub fn previous_sibling(&self, index: usize) -> Option<&Command> {
        let list = self.commands.get(index)?.list;
        self.commands
            .get(..index)?
            .iter()
            .rev()
            .find(|c| c.list == list)
    }

    /// The next sibling of command `index` in the same list, if any.
    #[must_use]
    pub fn next_sibling(&self, index: usize) -> Option<&Command> {
        let list = self.commands.get(index)?.list;
        self.commands
            .get(index + 1..)?
            .iter()
            .find(|c| c.list == list)
    }
}

impl<'a> IntoIterator for &'a Script {
    type Item = &'a Command;
    type IntoIter = std::slice::Iter<'a, Command>;
    fn into_iter(self) -> Self::IntoIter {
        self.commands.iter()
    }
}

/// The last path component: `/usr/bin/apt-get` → `apt-get`.
#[must_use]
pub fn basename(path: &str) -> &str {
    // A plain byte loop: command names are short and this runs for every command in every
    // rule, where `rsplit`'s searcher set-up cost more than the search.
    match path.bytes().rposition(|b| b == b'/') {
        Some(i) => path.get(i + 1..).unwrap_or(""),
        None => path,
    }
}

impl Command {
    /// Basename of the command name (`/usr/bin/apt-get` → `apt-get`), `""` if none.
    #[must_use]
    pub fn name_str(&self) -> &str {
        match &self.name {
            None => "",
            // The usual case, a bare name: no slicing.
            Some(w) if self.name_base == 0 => &w.value,
            Some(w) => w.value.get(self.name_base as usize..).unwrap_or(""),
        }
    }

    /// The argument values.
    pub fn args_str(&self) -> impl Iterator<Item = &str> + '_ {
        self.args.iter().map(|w| w.value.as_str())
    }

    /// Whether a flag is present: `short` matches inside combined short flags (`-yq`),
    /// `long` matches `--long` and `--long=value`. Scanning stops at `--`.
    #[must_use]
    pub fn has_flag(&self, short: Option<char>, long: Option<&str>) -> bool {
        self.flag_word(short, long).is_some()
    }

    /// The argument word holding the flag (see [`Command::has_flag`]).
    #[must_use]
    pub fn flag_word(&self, short: Option<char>, long: Option<&str>) -> Option<&Word> {
        self.args.iter().take_while(|w| w.value != "--").find(|w| {
            let v = w.value.as_str();
            if let Some(rest) = v.strip_prefix("--") {
                long.is_some_and(|l| rest.split('=').next() == Some(l.trim_start_matches("--")))
            } else if let Some(rest) = v.strip_prefix('-') {
                short.is_some_and(|s| rest.contains(s))
            } else {
                false
            }
        })
    }

    /// Argument words that are not flags (do not start with `-`), with no knowledge of which
    /// flags take values; prefer [`commands::args::parse_args`] for precise results.
    pub fn operands(&self) -> impl Iterator<Item = &Word> + '_ {
        self.args
            .iter()
            .filter(|w| !w.value.starts_with('-') || w.value == "-")
    }
}

#[cfg(test)]
mod tests;
