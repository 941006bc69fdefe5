//! The single-pass shell parser behind [`super::parse`].

use super::unwrap::{nested_script_arg, split_wrappers};
use super::{Command, Redirect, Script, Separator, ShellError, Word};
use crate::text::TextRange;

/// Maximum nesting of `$(…)`, backticks, subshells, groups and `sh -c` strings; deeper
/// constructs are skipped as opaque text.
pub const MAX_DEPTH: u32 = 64;

/// Parses `text` whose commands sit at nesting `depth`.
pub(super) fn parse_script(text: &str, depth: u32) -> Script {
    let (script, _) = parse_sub(text, depth);
    script
}

/// Parses `text`, returning the script and the number of list ids used.
fn parse_sub(text: &str, depth: u32) -> (Script, u32) {
    let mut p = Parser::new(text);
    p.parse_list(depth, Term::Eof);
    p.finish()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    Eof,
    Paren,
    Brace,
}

/// How ranges of a nested parse map into the outer text.
#[derive(Clone, Copy)]
enum Mapping {
    /// The nested text is a verbatim substring starting at this offset.
    Shift(u32),
    /// The nested text was unescaped: everything maps to this range.
    Whole(TextRange),
}

impl Mapping {
    fn map(self, r: TextRange) -> TextRange {
        match self {
            Self::Shift(n) => r.shift(n),
            Self::Whole(w) => w,
        }
    }

    fn word(self, w: &mut Word) {
        w.range = self.map(w.range);
    }

    fn command(self, c: &mut Command) {
        c.range = self.map(c.range);
        for w in c
            .assignments
            .iter_mut()
            .chain(c.wrappers.iter_mut())
            .chain(c.name.iter_mut())
            .chain(c.args.iter_mut())
        {
            self.word(w);
        }
        for r in &mut c.redirects {
            r.range = self.map(r.range);
            if let Some(t) = &mut r.target {
                self.word(t);
            }
            r.heredoc_body = r.heredoc_body.map(|b| self.map(b));
        }
    }
}

struct PendingHeredoc {
    slot: usize,
    redirect: usize,
    delimiter: String,
    strip_tabs: bool,
    start: usize,
}

struct Parser<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    /// Commands in order of their start, with placeholders (see [`placeholder`]) for slots
    /// that held no command after all.
    slots: Vec<Command>,
    errors: Vec<ShellError>,
    heredocs: Vec<PendingHeredoc>,
    next_list: u32,
    /// Slot of the command whose words are being read (parent of nested commands).
    current: Option<usize>,
}

#[inline(always)]
const fn is_blank(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r')
}

/// Bytes that end a run of plain characters in an unquoted word: metacharacters, quotes,
/// escapes and expansions.
static UNQUOTED_STOP: [bool; 256] = byte_set(b" \t\r\n;&|<>()\\'\"$`");
/// Bytes that end a run of plain characters inside double quotes.
static DOUBLE_QUOTED_STOP: [bool; 256] = byte_set(b"\"\\$`");

const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        set[bytes[i] as usize] = true;
        i += 1;
    }
    set
}
#[inline(always)]
const fn is_meta(c: u8) -> bool {
    matches!(
        c,
        b' ' | b'\t' | b'\r' | b'\n' | b';' | b'&' | b'|' | b'<' | b'>' | b'(' | b')'
    )
}

#[inline(always)]
const fn is_name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

#[inline(always)]
const fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// `NAME=…`, `NAME+=…` or `NAME[idx]=…` with an unquoted name.
pub(super) fn is_assignment_raw(raw: &str) -> bool {
    let b = raw.as_bytes();
    if !b.first().is_some_and(|&c| is_name_start(c)) {
        return false;
    }
    let mut i = 1;
    while b.get(i).is_some_and(|&c| is_name_char(c)) {
        i += 1;
    }
    if matches!(b.get(i), Some(b'[')) {
        while b.get(i).is_some_and(|&c| c != b']') {
            i += 1;
        }
        i += 1;
    }
    if matches!(b.get(i), Some(b'+')) {
        i += 1;
    }
    matches!(b.get(i), Some(b'='))
}

/// A reserved word (or reserved punctuation) the list parser acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kw {
    If,
    Then,
    Else,
    Elif,
    Fi,
    Do,
    Done,
    While,
    Until,
    For,
    Select,
    In,
    Case,
    Esac,
    Function,
    OpenBrace,
    CloseBrace,
    Bang,
    OpenTest,
    OpenArith,
}

/// Each keyword's text, in the order they are tried (`elif` before `else` needs no care: both
/// must be followed by a metacharacter).
const KEYWORDS: &[(&str, Kw)] = &[
    ("if", Kw::If),
    ("then", Kw::Then),
    ("else", Kw::Else),
    ("elif", Kw::Elif),
    ("fi", Kw::Fi),
    ("do", Kw::Do),
    ("done", Kw::Done),
    ("while", Kw::While),
    ("until", Kw::Until),
    ("for", Kw::For),
    ("select", Kw::Select),
    ("in", Kw::In),
    ("case", Kw::Case),
    ("esac", Kw::Esac),
    ("function", Kw::Function),
    ("{", Kw::OpenBrace),
    ("}", Kw::CloseBrace),
    ("!", Kw::Bang),
    ("[[", Kw::OpenTest),
    ("((", Kw::OpenArith),
];

/// Bytes some keyword starts with: most words start with none, answered by one load.
const KEYWORD_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < KEYWORDS.len() {
        t[KEYWORDS[i].0.as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

/// Up to 8 bytes as one little-endian integer.
const fn pack(word: &str) -> u64 {
    let b = word.as_bytes();
    let mut packed = 0u64;
    let mut i = 0;
    while i < b.len() && i < 8 {
        packed |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    packed
}

/// The alphabetic keyword whose bytes, packed by [`pack`], are `packed`.
fn keyword_of_packed(packed: u64) -> Option<Kw> {
    const IF: u64 = pack("if");
    const THEN: u64 = pack("then");
    const ELSE: u64 = pack("else");
    const ELIF: u64 = pack("elif");
    const FI: u64 = pack("fi");
    const DO: u64 = pack("do");
    const DONE: u64 = pack("done");
    const WHILE: u64 = pack("while");
    const UNTIL: u64 = pack("until");
    const FOR: u64 = pack("for");
    const SELECT: u64 = pack("select");
    const IN: u64 = pack("in");
    const CASE: u64 = pack("case");
    const ESAC: u64 = pack("esac");
    const FUNCTION: u64 = pack("function");
    Some(match packed {
        IF => Kw::If,
        THEN => Kw::Then,
        ELSE => Kw::Else,
        ELIF => Kw::Elif,
        FI => Kw::Fi,
        DO => Kw::Do,
        DONE => Kw::Done,
        WHILE => Kw::While,
        UNTIL => Kw::Until,
        FOR => Kw::For,
        SELECT => Kw::Select,
        IN => Kw::In,
        CASE => Kw::Case,
        ESAC => Kw::Esac,
        FUNCTION => Kw::Function,
        _ => return None,
    })
}

impl Kw {
    /// The keyword's length in bytes.
    fn len(self) -> usize {
        KEYWORDS
            .iter()
            .find(|(_, k)| *k == self)
            .map_or(0, |(text, _)| text.len())
    }
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Self {
            src,
            b: src.as_bytes(),
            pos: 0,
            slots: Vec::new(),
            errors: Vec::new(),
            heredocs: Vec::new(),
            next_list: 0,
            current: None,
        }
    }

    fn finish(mut self) -> (Script, u32) {
        if !self.heredocs.is_empty() {
            self.error(self.pos, self.pos, "unterminated here-document");
        }
        let mut commands = self.slots;
        // Usually every slot holds a command: the list is the result as it is (commands are
        // large, and moving each through a second vector showed in profiles).
        if commands.iter().any(is_placeholder) {
            let mut map = Vec::with_capacity(commands.len());
            let mut n = 0usize;
            for c in &commands {
                map.push((!is_placeholder(c)).then(|| {
                    n += 1;
                    n - 1
                }));
            }
            commands.retain(|c| !is_placeholder(c));
            for c in &mut commands {
                c.parent = c.parent.and_then(|p| map.get(p).copied().flatten());
            }
        }
        (
            Script {
                commands,
                errors: self.errors,
            },
            self.next_list,
        )
    }

    // `peek` and `peek_at` run for nearly every byte; the size-optimised WebAssembly build
    // would otherwise make each a call.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    #[inline(always)]
    fn peek_at(&self, n: usize) -> Option<u8> {
        self.b.get(self.pos + n).copied()
    }

    /// The end of the run of bytes from `pos` that are not in `stop`: words are mostly plain
    /// characters, and a table lookup per byte beats a chain of comparisons.
    fn run_end(&self, stop: &[bool; 256]) -> usize {
        let mut i = self.pos;
        while let Some(&c) = self.b.get(i) {
            if stop[usize::from(c)] {
                break;
            }
            i += 1;
        }
        i
    }

    fn starts_with(&self, s: &str) -> bool {
        self.b
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(s.as_bytes()))
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.src.get(start..end).unwrap_or("")
    }

    fn error(&mut self, start: usize, end: usize, message: &str) {
        self.errors.push(ShellError {
            range: TextRange::from_usize(start, end.min(self.b.len())),
            message: message.to_owned(),
        });
    }

    /// Advances past one (possibly multi-byte) char.
    fn bump_char(&mut self) {
        let len = self
            .src
            .get(self.pos..)
            .and_then(|s| s.chars().next())
            .map_or(1, char::len_utf8);
        self.pos = (self.pos + len).min(self.b.len());
    }

    /// Skips blanks and `\`+newline continuations (not newlines).
    fn skip_blanks(&mut self) {
        loop {
            match self.peek() {
                Some(c) if is_blank(c) => self.pos += 1,
                Some(b'\\') if self.peek_at(1) == Some(b'\n') => self.pos += 2,
                _ => return,
            }
        }
    }

    fn skip_comment(&mut self) {
        while self.peek().is_some_and(|c| c != b'\n') {
            self.pos += 1;
        }
    }

    /// Consumes a newline at `pos` and any pending here-document bodies after it.
    fn newline(&mut self) {
        self.pos += 1;
        let pending = std::mem::take(&mut self.heredocs);
        for h in pending {
            let body_start = self.pos;
            let mut found = None;
            while self.pos < self.b.len() {
                let line_start = self.pos;
                let line_end = self
                    .b
                    .get(line_start..)
                    .and_then(|r| r.iter().position(|&c| c == b'\n'))
                    .map_or(self.b.len(), |i| line_start + i);
                let mut line = self.slice(line_start, line_end);
                line = line.strip_suffix('\r').unwrap_or(line);
                if h.strip_tabs {
                    line = line.trim_start_matches('\t');
                }
                self.pos = (line_end + 1).min(self.b.len());
                if line == h.delimiter {
                    found = Some(line_start);
                    break;
                }
            }
            let body_end = found.unwrap_or(self.b.len());
            if found.is_none() {
                self.error(h.start, self.b.len(), "unterminated here-document");
            }
            if let Some(cmd) = self.slots.get_mut(h.slot)
                && let Some(r) = cmd.redirects.get_mut(h.redirect)
            {
                r.heredoc_body = Some(TextRange::from_usize(body_start, body_end));
            }
        }
    }

    /// An unquoted reserved word at `pos`, followed by a delimiter.
    fn peek_keyword(&self) -> Option<Kw> {
        let rest = self.b.get(self.pos..)?;
        let first = *rest.first()?;
        if !KEYWORD_FIRST[usize::from(first)] {
            return None;
        }
        let (kw, len) = match first {
            b'{' => (Kw::OpenBrace, 1),
            b'}' => (Kw::CloseBrace, 1),
            b'!' => (Kw::Bang, 1),
            b'[' if matches!(rest.get(1), Some(b'[')) => (Kw::OpenTest, 2),
            // `((` is followed by anything in practice.
            b'(' => return (matches!(rest.get(1), Some(b'('))).then_some(Kw::OpenArith),
            _ => {
                // The run of lowercase letters, packed into an integer: one compare per
                // keyword instead of a string comparison (a call in the size-optimised build).
                let mut packed = 0u64;
                let mut n = 0;
                while let Some(&c) = rest.get(n) {
                    if !c.is_ascii_lowercase() {
                        break;
                    }
                    if n == 8 {
                        return None;
                    }
                    packed |= u64::from(c) << (8 * n);
                    n += 1;
                }
                (keyword_of_packed(packed)?, n)
            }
        };
        rest.get(len).is_none_or(|&c| is_meta(c)).then_some(kw)
    }

    fn new_list(&mut self) -> u32 {
        let id = self.next_list;
        self.next_list += 1;
        id
    }

    /// Skips a balanced construct opening at `pos` with `open` (quote-aware, iterative).
    fn skip_balanced(&mut self, open: u8, close: u8) {
        let start = self.pos;
        let mut level = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'\\' => {
                    self.pos += 1;
                    if self.pos < self.b.len() {
                        self.bump_char();
                    }
                    continue;
                }
                b'\'' => {
                    self.pos += 1;
                    while self.peek().is_some_and(|c| c != b'\'') {
                        self.pos += 1;
                    }
                }
                b'"' => {
                    self.pos += 1;
                    while let Some(c) = self.peek() {
                        if c == b'"' {
                            break;
                        }
                        self.pos += if c == b'\\' { 2 } else { 1 };
                    }
                    self.pos = self.pos.min(self.b.len());
                    // Keep char boundaries: a `\` before a multi-byte char skips one byte only.
                    while !self.src.is_char_boundary(self.pos) {
                        self.pos += 1;
                    }
                }
                c if c == open => level += 1,
                c if c == close => {
                    level = level.saturating_sub(1);
                    if level == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.pos = (self.pos + 1).min(self.b.len());
        }
        self.error(start, self.b.len(), "unterminated nested construct");
    }

    /// Parses a command list until EOF, an unmatched `)` (`Term::Paren`) or `}`
    /// (`Term::Brace`). Returns `true` when the terminator was found and consumed.
    fn parse_list(&mut self, depth: u32, term: Term) -> bool {
        let list = self.new_list();
        let saved_current = self.current;
        let mut sep = Separator::Start;
        let mut after_cmd = false;
        let mut negated = false;
        let mut case_level = 0u32;
        let mut in_pattern = false;
        let ok = loop {
            self.skip_blanks();
            let before = self.pos;
            let Some(c) = self.peek() else {
                break term == Term::Eof;
            };
            match c {
                b'#' => self.skip_comment(),
                b'\n' => {
                    self.newline();
                    if after_cmd {
                        sep = Separator::Newline;
                        after_cmd = false;
                    }
                }
                b')' if in_pattern => {
                    self.pos += 1;
                    in_pattern = false;
                    after_cmd = false;
                }
                _ if in_pattern => {
                    if self.peek_keyword() == Some(Kw::Esac) {
                        self.pos += 4;
                        self.trailing_redirects(depth);
                        in_pattern = false;
                        case_level = case_level.saturating_sub(1);
                        after_cmd = true;
                    } else if is_meta(c) {
                        self.pos += 1;
                    } else {
                        self.read_word(depth);
                    }
                }
                b')' => {
                    if term == Term::Paren {
                        self.pos += 1;
                        break true;
                    }
                    self.error(self.pos, self.pos + 1, "unexpected `)`");
                    self.pos += 1;
                }
                b';' => {
                    if self.starts_with(";;") {
                        self.pos += if self.starts_with(";;&") { 3 } else { 2 };
                        in_pattern = case_level > 0;
                    } else if self.starts_with(";&") {
                        self.pos += 2;
                        in_pattern = case_level > 0;
                    } else {
                        self.pos += 1;
                    }
                    sep = Separator::Semi;
                    after_cmd = false;
                }
                b'&' if self.peek_at(1) != Some(b'>') => {
                    if self.peek_at(1) == Some(b'&') {
                        self.pos += 2;
                        sep = Separator::And;
                    } else {
                        self.pos += 1;
                        sep = Separator::Background;
                    }
                    after_cmd = false;
                }
                b'|' => {
                    match self.peek_at(1) {
                        Some(b'|') => {
                            self.pos += 2;
                            sep = Separator::Or;
                        }
                        Some(b'&') => {
                            self.pos += 2;
                            sep = Separator::Pipe;
                        }
                        _ => {
                            self.pos += 1;
                            sep = Separator::Pipe;
                        }
                    }
                    after_cmd = false;
                }
                b'(' => {
                    if self.peek_at(1) == Some(b'(') {
                        // Arithmetic command `(( … ))`.
                        self.skip_balanced(b'(', b')');
                    } else {
                        self.subshell(depth, b'(', b')', Term::Paren);
                    }
                    self.trailing_redirects(depth);
                    after_cmd = true;
                }
                _ => match self.peek_keyword() {
                    Some(
                        kw @ (Kw::If
                        | Kw::Then
                        | Kw::Else
                        | Kw::Elif
                        | Kw::Do
                        | Kw::While
                        | Kw::Until),
                    ) => {
                        self.pos += kw.len();
                    }
                    Some(kw @ (Kw::Fi | Kw::Done)) => {
                        self.pos += kw.len();
                        self.trailing_redirects(depth);
                        after_cmd = true;
                    }
                    Some(Kw::Bang) => {
                        self.pos += 1;
                        negated = true;
                    }
                    Some(Kw::OpenBrace) => {
                        self.subshell(depth, b'{', b'}', Term::Brace);
                        self.trailing_redirects(depth);
                        after_cmd = true;
                    }
                    Some(Kw::CloseBrace) => {
                        self.pos += 1;
                        if term == Term::Brace {
                            break true;
                        }
                        self.error(before, self.pos, "unexpected `}`");
                    }
                    Some(Kw::Esac) => {
                        self.pos += 4;
                        self.trailing_redirects(depth);
                        case_level = case_level.saturating_sub(1);
                        after_cmd = true;
                    }
                    Some(Kw::Case) => {
                        self.pos += 4;
                        self.skip_blanks();
                        if self.peek().is_some_and(|c| !is_meta(c)) {
                            self.read_word(depth);
                        }
                        loop {
                            self.skip_blanks();
                            if self.peek() == Some(b'\n') {
                                self.newline();
                            } else {
                                break;
                            }
                        }
                        if self.peek_keyword() == Some(Kw::In) {
                            self.pos += 2;
                        }
                        case_level += 1;
                        in_pattern = true;
                    }
                    Some(kw @ (Kw::For | Kw::Select)) => {
                        self.pos += kw.len();
                        self.skip_blanks();
                        if self.starts_with("((") {
                            self.skip_balanced(b'(', b')');
                        } else if self.peek().is_some_and(|c| !is_meta(c)) {
                            self.read_word(depth);
                            self.skip_blanks();
                            if self.peek_keyword() == Some(Kw::In) {
                                self.pos += 2;
                                loop {
                                    self.skip_blanks();
                                    match self.peek() {
                                        Some(c) if !is_meta(c) && c != b'#' => {
                                            self.read_word(depth);
                                        }
                                        _ => break,
                                    }
                                }
                            }
                        }
                    }
                    Some(Kw::Function) => {
                        self.pos += 8;
                        self.skip_blanks();
                        if self.peek().is_some_and(|c| !is_meta(c)) {
                            self.read_word(depth);
                        }
                        self.skip_blanks();
                        if self.starts_with("()") {
                            self.pos += 2;
                        }
                    }
                    Some(Kw::OpenArith) => {
                        self.skip_balanced(b'(', b')');
                        self.trailing_redirects(depth);
                        after_cmd = true;
                    }
                    _ => {
                        if self.parse_command(depth, list, sep, negated) {
                            after_cmd = true;
                            negated = false;
                        }
                    }
                },
            }
            if self.pos == before {
                // Defensive: guarantee progress on any input.
                self.bump_char();
            }
        };
        self.current = saved_current;
        ok
    }

    /// Redirections after a compound command (`done < file`) are consumed and dropped.
    fn trailing_redirects(&mut self, depth: u32) {
        loop {
            self.skip_blanks();
            let Some((fd_len, op)) = self.peek_redirect() else {
                return;
            };
            self.parse_redirect(depth, fd_len, op, usize::MAX, 0);
        }
    }

    /// `( … )` or `{ …; }` at `pos`.
    fn subshell(&mut self, depth: u32, open: u8, close: u8, term: Term) {
        let start = self.pos;
        if depth + 1 > MAX_DEPTH {
            self.skip_balanced(open, close);
            return;
        }
        self.pos += 1;
        if !self.parse_list(depth + 1, term) {
            let what = if open == b'(' { "`(`" } else { "`{`" };
            self.error(start, start + 1, &format!("unterminated {what}"));
        }
    }

    /// A redirection operator (with optional fd prefix) at `pos`, if any: returns the fd
    /// length and the operator.
    fn peek_redirect(&self) -> Option<(usize, &'static str)> {
        let rest = self.b.get(self.pos..)?;
        let mut fd = 0;
        if matches!(rest.first(), Some(b'{')) {
            let close = rest.iter().take(64).position(|&c| c == b'}')?;
            let name = rest.get(1..close)?;
            if name.is_empty() || !name.iter().all(|&c| is_name_char(c)) {
                return None;
            }
            fd = close + 1;
        } else {
            while rest.get(fd).is_some_and(u8::is_ascii_digit) {
                fd += 1;
            }
        }
        let ops = rest.get(fd..)?;
        if !matches!(ops.first(), Some(b'<' | b'>' | b'&')) {
            return None;
        }
        const OPS: &[&str] = &[
            "<<<", "<<-", "<<", "<>", "<&", "<", ">>", ">&", ">|", ">", "&>>", "&>",
        ];
        let op = OPS
            .iter()
            .copied()
            .find(|op| ops.starts_with(op.as_bytes()))?;
        if op.starts_with('&') && fd > 0 {
            return None;
        }
        // Process substitution `<(…)` / `>(…)` is a word.
        if (op == "<" || op == ">") && matches!(ops.get(1), Some(b'(')) {
            return None;
        }
        Some((fd, op))
    }

    fn parse_redirect(
        &mut self,
        depth: u32,
        fd_len: usize,
        op: &'static str,
        slot: usize,
        index: usize,
    ) -> Redirect {
        let start = self.pos;
        let fd = (fd_len > 0).then(|| {
            self.slice(start, start + fd_len)
                .trim_start_matches('{')
                .trim_end_matches('}')
                .to_owned()
        });
        self.pos += fd_len + op.len();
        self.skip_blanks();
        let target = match self.peek() {
            Some(c) if !is_meta(c) || self.is_process_subst() => Some(self.read_word(depth)),
            _ => {
                self.error(start, self.pos, "missing redirection target");
                None
            }
        };
        if let (Some(t), "<<" | "<<-") = (&target, op) {
            self.heredocs.push(PendingHeredoc {
                slot,
                redirect: index,
                delimiter: t.value.clone(),
                strip_tabs: op == "<<-",
                start,
            });
        }
        let end = target.as_ref().map_or(self.pos, |t| t.range.end_usize());
        Redirect {
            op,
            fd,
            target,
            range: TextRange::from_usize(start, end),
            heredoc_body: None,
        }
    }

    fn is_process_subst(&self) -> bool {
        matches!(self.peek(), Some(b'<' | b'>')) && self.peek_at(1) == Some(b'(')
    }

    /// Parses one simple command at `pos`. Returns `true` if a command was recorded.
    fn parse_command(&mut self, depth: u32, list: u32, sep: Separator, negated: bool) -> bool {
        let slot = self.slots.len();
        self.slots.push(placeholder());
        let parent = self.current;
        self.current = Some(slot);
        let mut words: Vec<Word> = Vec::new();
        let mut assignments: Vec<Word> = Vec::new();
        let mut redirects: Vec<Redirect> = Vec::new();
        let mut start = usize::MAX;
        let mut end = 0usize;
        let mut is_test = false;
        loop {
            self.skip_blanks();
            let Some(c) = self.peek() else { break };
            if is_test {
                // Inside `[[ … ]]` operators are plain words.
                if c == b'\n' || c == b';' || (c == b'&' && self.peek_at(1) != Some(b'&')) {
                    break;
                }
                let w = if is_meta(c) {
                    let s = self.pos;
                    let two = matches!(self.b.get(s..s + 2), Some(b"&&" | b"||"));
                    self.pos += if two { 2 } else { 1 };
                    word_from(self.slice(s, self.pos), s, self.pos)
                } else {
                    self.read_word(depth)
                };
                end = w.range.end_usize();
                let done = w.value == "]]" && !w.quoted;
                words.push(w);
                if done {
                    break;
                }
                continue;
            }
            if let Some((fd_len, op)) = self.peek_redirect() {
                let r = self.parse_redirect(depth, fd_len, op, slot, redirects.len());
                start = start.min(r.range.start_usize());
                end = end.max(r.range.end_usize());
                redirects.push(r);
                continue;
            }
            if c == b'(' && words.len() == 1 && assignments.is_empty() {
                // Function definition `name() …`: the body is parsed by the list.
                let save = self.pos;
                self.pos += 1;
                self.skip_blanks();
                if self.peek() == Some(b')') {
                    self.pos += 1;
                    self.current = parent;
                    return false;
                }
                self.pos = save;
            }
            if (is_meta(c) && !self.is_process_subst()) || c == b'#' {
                break;
            }
            let w = self.read_word(depth);
            start = start.min(w.range.start_usize());
            end = end.max(w.range.end_usize());
            if words.is_empty() && is_assignment_raw(w.raw(self.src)) {
                assignments.push(w);
            } else {
                if words.is_empty() && !w.quoted && w.value == "[[" {
                    is_test = true;
                }
                words.push(w);
            }
        }
        self.current = parent;
        if words.is_empty() && assignments.is_empty() && redirects.is_empty() {
            return false;
        }
        let (wrappers, name, args) = split_wrappers(words);
        let base = name.as_ref().map_or("", |w| super::basename(&w.value));
        let (family, tool) = super::commands::classify(base);
        let name_base = name.as_ref().map_or(0, |w| {
            u32::try_from(w.value.len().saturating_sub(base.len())).unwrap_or(0)
        });
        let mut cmd = Command {
            range: TextRange::from_usize(start.min(end), end),
            separator: sep,
            assignments,
            wrappers,
            name,
            args,
            redirects,
            depth,
            negated,
            list,
            parent,
            name_base,
            family,
            tool,
            number: 0,
        };
        cmd.range = TextRange::from_usize(start.min(end), end);
        let nested = nested_script_arg(&cmd)
            .and_then(|i| cmd.args.get(i))
            .cloned();
        if let Some(s) = self.slots.get_mut(slot) {
            *s = cmd;
        }
        if let Some(w) = nested
            && depth < MAX_DEPTH
        {
            let raw = w.raw(self.src);
            let mapping = if raw == w.value {
                Mapping::Shift(w.range.start)
            } else if raw.len() >= 2
                && (raw.starts_with('\'') && raw.ends_with('\'')
                    || raw.starts_with('"') && raw.ends_with('"'))
                && raw.get(1..raw.len() - 1) == Some(w.value.as_str())
            {
                Mapping::Shift(w.range.start + 1)
            } else {
                Mapping::Whole(w.range)
            };
            self.merge(&w.value, depth + 1, mapping, Some(slot));
        }
        true
    }

    /// Parses `text` as a nested script at `depth` and appends its commands.
    fn merge(&mut self, text: &str, depth: u32, mapping: Mapping, parent: Option<usize>) {
        let (sub, lists) = parse_sub(text, depth);
        let base = self.slots.len();
        let list_base = self.next_list;
        self.next_list += lists;
        for mut c in sub.commands {
            mapping.command(&mut c);
            c.list += list_base;
            c.parent = c.parent.map(|p| base + p).or(parent);
            self.slots.push(c);
        }
        for mut e in sub.errors {
            e.range = mapping.map(e.range);
            self.errors.push(e);
        }
    }

    /// Reads one word at `pos` (which must not be a metacharacter, except for process
    /// substitution). Always consumes at least one byte when not at EOF.
    fn read_word(&mut self, depth: u32) -> Word {
        let start = self.pos;
        // Most words are plain characters up to a blank or an operator: their value is their
        // text, copied once at its exact size (building it piece by piece grows the string).
        // `(` is left to the loop below, for array assignments `a=(x y)`.
        let plain_end = self.run_end(&UNQUOTED_STOP);
        if plain_end > start
            && self
                .b
                .get(plain_end)
                .is_none_or(|&c| c != b'(' && is_meta(c))
        {
            self.pos = plain_end;
            return Word {
                range: TextRange::from_usize(start, plain_end),
                value: self.slice(start, plain_end).to_owned(),
                quoted: false,
                has_expansion: false,
            };
        }
        let mut w = Word::default();
        if self.is_process_subst() {
            w.has_expansion = true;
            self.pos += 1;
            self.command_subst(depth);
            w.value.push_str(self.slice(start, self.pos));
        }
        while let Some(c) = self.peek() {
            match c {
                b'(' if w.value.ends_with('=')
                    && is_assignment_raw(self.slice(start, self.pos)) =>
                {
                    // Array assignment `a=(x y)`.
                    let s = self.pos;
                    self.skip_balanced(b'(', b')');
                    w.value.push_str(self.slice(s, self.pos));
                }
                c if is_meta(c) => break,
                b'\\' => self.backslash(&mut w.value, &mut w.quoted),
                b'\'' => {
                    w.quoted = true;
                    let s = self.pos;
                    self.pos += 1;
                    let close = self
                        .b
                        .get(self.pos..)
                        .and_then(|r| r.iter().position(|&c| c == b'\''));
                    if let Some(i) = close {
                        w.value.push_str(self.slice(self.pos, self.pos + i));
                        self.pos += i + 1;
                    } else {
                        w.value.push_str(self.slice(self.pos, self.b.len()));
                        self.pos = self.b.len();
                        self.error(s, self.pos, "unterminated single quote");
                    }
                }
                b'"' => self.double_quote(&mut w, depth),
                b'$' => self.dollar(&mut w, depth, false),
                b'`' => self.backtick(&mut w, depth),
                _ => {
                    let s = self.pos;
                    self.pos = self.run_end(&UNQUOTED_STOP);
                    w.value.push_str(self.slice(s, self.pos));
                }
            }
        }
        if self.pos == start {
            self.bump_char();
            w.value.push_str(self.slice(start, self.pos));
        }
        w.range = TextRange::from_usize(start, self.pos);
        w
    }

    fn backslash(&mut self, value: &mut String, quoted: &mut bool) {
        self.pos += 1;
        match self.src.get(self.pos..).and_then(|s| s.chars().next()) {
            None => value.push('\\'),
            Some('\n') => self.pos += 1,
            Some(ch) => {
                value.push(ch);
                *quoted = true;
                self.pos += ch.len_utf8();
            }
        }
    }

    fn double_quote(&mut self, w: &mut Word, depth: u32) {
        let start = self.pos;
        w.quoted = true;
        self.pos += 1;
        loop {
            let Some(c) = self.peek() else {
                self.error(start, self.pos, "unterminated double quote");
                return;
            };
            match c {
                b'"' => {
                    self.pos += 1;
                    return;
                }
                b'\\' => match self.peek_at(1) {
                    Some(b'\n') => self.pos += 2,
                    Some(e @ (b'$' | b'`' | b'"' | b'\\')) => {
                        w.value.push(char::from(e));
                        self.pos += 2;
                    }
                    _ => {
                        w.value.push('\\');
                        self.pos += 1;
                    }
                },
                b'$' => self.dollar(w, depth, true),
                b'`' => self.backtick(w, depth),
                _ => {
                    let s = self.pos;
                    self.pos = self.run_end(&DOUBLE_QUOTED_STOP);
                    w.value.push_str(self.slice(s, self.pos));
                }
            }
        }
    }

    /// `$…` at `pos`.
    fn dollar(&mut self, w: &mut Word, depth: u32, in_dq: bool) {
        let start = self.pos;
        match self.peek_at(1) {
            Some(b'\'') if !in_dq => {
                w.quoted = true;
                self.pos += 2;
                self.ansi_c(&mut w.value, start);
                return;
            }
            Some(b'"') if !in_dq => {
                self.pos += 1;
                self.double_quote(w, depth);
                return;
            }
            Some(b'(') if self.peek_at(2) == Some(b'(') => {
                self.pos += 1;
                self.skip_balanced(b'(', b')');
            }
            Some(b'(') => {
                self.pos += 1;
                self.command_subst(depth);
            }
            Some(b'{') => {
                self.pos += 1;
                self.skip_balanced(b'{', b'}');
            }
            Some(c) if is_name_start(c) => {
                self.pos += 1;
                while self.peek().is_some_and(is_name_char) {
                    self.pos += 1;
                }
            }
            Some(c) if c.is_ascii_digit() || b"@*#?$!-".contains(&c) => self.pos += 2,
            _ => {
                self.pos += 1;
                w.value.push('$');
                return;
            }
        }
        w.has_expansion = true;
        w.value.push_str(self.slice(start, self.pos));
    }

    /// `(…)` of a command or process substitution at `pos`.
    fn command_subst(&mut self, depth: u32) {
        let start = self.pos;
        if depth + 1 > MAX_DEPTH {
            self.skip_balanced(b'(', b')');
            return;
        }
        self.pos += 1;
        if !self.parse_list(depth + 1, Term::Paren) {
            self.error(start.saturating_sub(1), start + 1, "unterminated `$(`");
        }
    }

    /// `` `…` `` at `pos`: the body is parsed as a nested script.
    fn backtick(&mut self, w: &mut Word, depth: u32) {
        let start = self.pos;
        let mut i = start + 1;
        let close = loop {
            match self.b.get(i) {
                None => break None,
                Some(b'\\') => i += 2,
                Some(b'`') => break Some(i),
                Some(_) => i += 1,
            }
        };
        let body_end = close.unwrap_or(self.b.len()).min(self.b.len());
        self.pos = close.map_or(self.b.len(), |c| c + 1).min(self.b.len());
        if close.is_none() {
            self.error(start, self.b.len(), "unterminated backquote");
        }
        w.has_expansion = true;
        w.value.push_str(self.slice(start, self.pos));
        if depth < MAX_DEPTH
            && let Some(body) = self.src.get(start + 1..body_end)
        {
            let shift = u32::try_from(start + 1).unwrap_or(0);
            self.merge(body, depth + 1, Mapping::Shift(shift), self.current);
        }
    }

    /// Body of `$'…'` after the opening quote.
    fn ansi_c(&mut self, value: &mut String, start: usize) {
        loop {
            let Some(c) = self.peek() else {
                self.error(start, self.pos, "unterminated `$'`");
                return;
            };
            match c {
                b'\'' => {
                    self.pos += 1;
                    return;
                }
                b'\\' => {
                    self.pos += 1;
                    let Some(e) = self.src.get(self.pos..).and_then(|s| s.chars().next()) else {
                        value.push('\\');
                        continue;
                    };
                    self.pos += e.len_utf8();
                    value.push(match e {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        'a' => '\u{7}',
                        'b' => '\u{8}',
                        'e' | 'E' => '\u{1b}',
                        'f' => '\u{c}',
                        'v' => '\u{b}',
                        '0' => '\0',
                        other => other,
                    });
                }
                _ => {
                    let s = self.pos;
                    while self.peek().is_some_and(|c| c != b'\'' && c != b'\\') {
                        self.pos += 1;
                    }
                    value.push_str(self.slice(s, self.pos));
                }
            }
        }
    }
}

/// A slot kept for a command being parsed, so commands stay in order of their start; it is
/// removed by `finish` if no command fills it. Real commands are never this deep.
fn placeholder() -> Command {
    Command {
        range: TextRange::default(),
        separator: Separator::Start,
        assignments: Vec::new(),
        wrappers: Vec::new(),
        name: None,
        args: Vec::new(),
        redirects: Vec::new(),
        depth: PLACEHOLDER_DEPTH,
        negated: false,
        list: 0,
        parent: None,
        name_base: 0,
        family: super::commands::Family::Other,
        tool: super::commands::Tool::Other,
        number: 0,
    }
}

const PLACEHOLDER_DEPTH: u32 = u32::MAX;

fn is_placeholder(c: &Command) -> bool {
    c.depth == PLACEHOLDER_DEPTH
}

fn word_from(text: &str, start: usize, end: usize) -> Word {
    Word {
        range: TextRange::from_usize(start, end),
        value: text.to_owned(),
        quoted: false,
        has_expansion: false,
    }
}

#[cfg(test)]
mod tests {
    use super::{KEYWORDS, Kw, Parser, is_meta};

    /// The former lookup: each keyword's text in turn.
    fn reference(text: &str) -> Option<Kw> {
        let p = Parser::new(text);
        KEYWORDS.iter().find_map(|&(word, kw)| {
            let hit = p.starts_with(word)
                && (kw == Kw::OpenArith || p.peek_at(word.len()).is_none_or(is_meta));
            hit.then_some(kw)
        })
    }

    #[test]
    fn peek_keyword_matches_the_text_by_text_lookup() {
        let tails = [
            "", " ", ";", "\n", "x", "1", "\"", "(", ")", "n", "e", "s", "_", "A", "{", "é",
        ];
        let mut heads: Vec<String> = KEYWORDS.iter().map(|(w, _)| (*w).to_owned()).collect();
        for (w, _) in KEYWORDS {
            for cut in 1..w.len() {
                heads.push(w[..cut].to_owned());
            }
        }
        heads.extend(
            [
                "functions",
                "functionx",
                "doner",
                "ifif",
                "[",
                "(",
                "!!",
                "{}",
                "abcdefghij",
            ]
            .map(String::from),
        );
        for head in &heads {
            for tail in tails {
                for tail2 in ["", " ", "x"] {
                    let text = format!("{head}{tail}{tail2}");
                    assert_eq!(
                        Parser::new(&text).peek_keyword(),
                        reference(&text),
                        "{text:?}"
                    );
                }
            }
        }
    }
}
