//! Heredoc markers in an instruction line (`<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`), found the way
//! BuildKit finds them: split the line into shell words, then match `^(\d*)<<(-?)([^<]*)$`.

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    pub name: String,
    pub fd: u32,
    pub chomp: bool,
    pub quoted: bool,
    /// Offsets of the marker word in the logical line.
    pub start: usize,
    pub end: usize,
}

/// Shell words of `line` with raw quotes kept: `(start, end)` offsets.
fn shell_words(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        let mut quote: Option<u8> = None;
        while i < b.len() {
            let c = b[i];
            match quote {
                Some(q) if c == q => quote = None,
                Some(b'"') if c == b'\\' => i += 1,
                Some(_) => {}
                None if c == b'\'' || c == b'"' => quote = Some(c),
                None if c == b'\\' => i += 1,
                None if c.is_ascii_whitespace() => break,
                None => {}
            }
            i += 1;
        }
        let end = i.min(b.len());
        out.push((start, end));
    }
    out
}

/// Removes shell quoting from a delimiter word (`"EOF"`, `'EOF'`, `\EOF`, `E"O"F`).
fn unquote(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut quote: Option<char> = None;
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) if c == q => quote = None,
            Some('"') if c == '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            Some(_) => out.push(c),
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            None => out.push(c),
        }
    }
    out
}

pub(crate) fn find_markers(line: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    // Every marker contains `<<`; most lines have none, and need no word split.
    if !crate::util::text::contains(line, "<<") {
        return out;
    }
    for (start, end) in shell_words(line) {
        let Some(word) = line.get(start..end) else {
            continue;
        };
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        let Some(rest) = word[digits..].strip_prefix("<<") else {
            continue;
        };
        let (chomp, rest) = match rest.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        if rest.is_empty() || rest.contains('<') {
            continue;
        }
        let name = unquote(rest);
        if name.is_empty() {
            continue;
        }
        out.push(Marker {
            name,
            fd: word[..digits].parse().unwrap_or(0),
            chomp,
            quoted: rest.contains(['\'', '"', '\\']),
            start,
            end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_all_marker_forms() {
        let m = find_markers(r#"COPY <<EOF 3<<-"END" '<<NOT' x<<NO /dst"#);
        assert_eq!(m.len(), 2);
        assert_eq!(
            (m[0].name.as_str(), m[0].fd, m[0].chomp, m[0].quoted),
            ("EOF", 0, false, false)
        );
        assert_eq!(
            (m[1].name.as_str(), m[1].fd, m[1].chomp, m[1].quoted),
            ("END", 3, true, true)
        );
    }
}
