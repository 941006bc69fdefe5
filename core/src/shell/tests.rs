use super::*;

fn names(s: &Script) -> Vec<&str> {
    s.commands.iter().map(Command::name_str).collect()
}

fn r(start: u32, end: u32) -> TextRange {
    TextRange::new(start, end)
}

#[test]
fn simple_list_with_ranges() {
    let src = "apt-get update && curl -fsSL https://x | bash";
    let s = parse(src);
    assert!(s.errors.is_empty());
    assert_eq!(names(&s), ["apt-get", "curl", "bash"]);
    let curl = &s.commands[1];
    assert_eq!(curl.name.as_ref().map(|w| w.range), Some(r(18, 22)));
    assert_eq!(curl.range, r(18, 38));
    assert_eq!(curl.separator, Separator::And);
    assert_eq!(s.commands[2].separator, Separator::Pipe);
    assert!(s.has_pipe());
    assert!(curl.has_flag(Some('f'), Some("fail")));
    assert!(curl.has_flag(Some('L'), None));
    assert!(!curl.has_flag(Some('k'), Some("insecure")));
    assert_eq!(
        curl.flag_word(Some('S'), None).map(|w| w.range.slice(src)),
        Some("-fsSL")
    );
}

#[test]
fn separators() {
    let s = parse("a; b || c & d |& e\nf");
    let seps: Vec<_> = s.commands.iter().map(|c| c.separator).collect();
    assert_eq!(
        seps,
        [
            Separator::Start,
            Separator::Semi,
            Separator::Or,
            Separator::Background,
            Separator::Pipe,
            Separator::Newline
        ]
    );
    let s = parse("a &&\n  b");
    assert_eq!(s.commands[1].separator, Separator::And);
}

#[test]
fn quoting_and_values() {
    let src = r#"echo 'a b' "c \"d\" \$e $HOME" f\ g $'x\ty' pre"mid"post"#;
    let s = parse(src);
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    let args: Vec<_> = s.commands[0].args_str().collect();
    assert_eq!(
        args,
        ["a b", "c \"d\" $e $HOME", "f g", "x\ty", "premidpost"]
    );
    let a = &s.commands[0].args;
    assert!(a[0].quoted && !a[0].has_expansion);
    assert!(a[1].quoted && a[1].has_expansion);
    assert!(!a[0].has_expansion);
    assert_eq!(a[4].range.slice(src), r#"pre"mid"post"#);
}

#[test]
fn line_continuation_and_comments() {
    let src = "apt-get install -y \\\n    foo \\\n    bar # comment && rm x\nnext";
    let s = parse(src);
    assert_eq!(names(&s), ["apt-get", "next"]);
    assert_eq!(
        s.commands[0].args_str().collect::<Vec<_>>(),
        ["install", "-y", "foo", "bar"]
    );
    assert_eq!(s.commands[1].separator, Separator::Newline);
    let s = parse("echo a#b");
    assert_eq!(s.commands[0].args_str().collect::<Vec<_>>(), ["a#b"]);
}

#[test]
fn command_substitution_nested() {
    let src = "x=$(curl -s https://x | sh) && echo $(a $(b) `c d`)";
    let s = parse(src);
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert_eq!(names(&s), ["", "curl", "sh", "echo", "a", "b", "c"]);
    let x = &s.commands[0];
    assert_eq!(x.assignments.len(), 1);
    assert!(x.assignments[0].has_expansion);
    assert_eq!(s.commands[1].depth, 1);
    assert_eq!(s.commands[1].parent, Some(0));
    assert_eq!(s.commands[2].separator, Separator::Pipe);
    assert_eq!(s.commands[5].depth, 2);
    assert_eq!(s.commands[5].parent, Some(4));
    let c = &s.commands[6];
    assert_eq!(c.depth, 2);
    assert_eq!(c.range.slice(src), "c d");
    assert_eq!(c.parent, Some(4));
    assert_eq!(s.commands[3].separator, Separator::And);
    assert_eq!(s.commands[4].separator, Separator::Start);
}

#[test]
fn subshells_and_groups() {
    let s = parse("(cd /x && make) ; { echo a; echo b; } > log");
    assert_eq!(names(&s), ["cd", "make", "echo", "echo"]);
    assert_eq!(s.commands[0].depth, 1);
    assert_eq!(s.commands[2].depth, 1);
    assert!(s.errors.is_empty(), "{:?}", s.errors);
}

#[test]
fn control_structures() {
    let src = "if [ -f /x ]; then apt-get update; else yum makecache; fi\n\
               for p in a b $(ls); do pip install $p; done\n\
               while read l; do echo $l; done < f\n\
               case \"$x\" in a|b) echo ab ;; *) echo other ;; esac";
    let s = parse(src);
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert_eq!(
        names(&s),
        [
            "[", "apt-get", "yum", "ls", "pip", "read", "echo", "echo", "echo"
        ]
    );
    assert!(
        s.commands
            .iter()
            .all(|c| c.depth == 0 || c.name_str() == "ls")
    );
}

#[test]
fn test_brackets_and_functions() {
    let s = parse("[[ -n $a && $b < 3 ]] && f() { echo hi; }; f");
    assert_eq!(names(&s), ["[[", "echo", "f"]);
    assert_eq!(s.commands[0].args.len(), 7);
}

#[test]
fn heredoc_skipped() {
    let src = "cat <<EOF > /etc/x.conf\nrm -rf /\n$(curl x)\nEOF\napt-get update\ncat <<-'E2'\n\tbody\n\tE2\nls";
    let s = parse(src);
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert_eq!(names(&s), ["cat", "apt-get", "cat", "ls"]);
    let h = &s.commands[0].redirects[0];
    assert_eq!(h.op, "<<");
    assert_eq!(h.target.as_ref().map(|t| t.value.as_str()), Some("EOF"));
    assert_eq!(
        h.heredoc_body.map(|b| b.slice(src)),
        Some("rm -rf /\n$(curl x)\n")
    );
    assert_eq!(s.commands[0].redirects[1].op, ">");
    assert_eq!(s.commands[2].redirects[0].op, "<<-");
}

#[test]
fn redirects() {
    let src = "make 2>&1 >/dev/null &>> log <<< \"x\" 3<in";
    let s = parse(src);
    let c = &s.commands[0];
    assert!(c.args.is_empty());
    let ops: Vec<_> = c.redirects.iter().map(|r| r.op).collect();
    assert_eq!(ops, [">&", ">", "&>>", "<<<", "<"]);
    assert_eq!(c.redirects[0].fd.as_deref(), Some("2"));
    assert_eq!(c.redirects[0].range.slice(src), "2>&1");
    assert_eq!(c.redirects[4].fd.as_deref(), Some("3"));
    assert_eq!(c.range.slice(src), src);
}

#[test]
fn wrappers() {
    let s = parse("sudo -E apt-get install -y foo");
    let c = &s.commands[0];
    assert_eq!(c.name_str(), "apt-get");
    let w: Vec<_> = c.wrappers.iter().map(|w| w.value.as_str()).collect();
    assert_eq!(w, ["sudo", "-E"]);
    let s = parse(
        "sudo -u app env -i PATH=/x FOO=1 nice -n 5 timeout -s KILL 10 /usr/bin/pip install x",
    );
    let c = &s.commands[0];
    assert_eq!(c.name_str(), "pip");
    assert_eq!(c.wrappers.len(), 14);
    let s = parse("command -v apt-get; xargs -n1 rm -f; sudo; env");
    assert_eq!(names(&s), ["command", "rm", "sudo", "env"]);
}

#[test]
fn sh_c_nested() {
    let src = "sh -c 'apt-get update && curl x | bash' && su -c \"pip install \\\"a\\\"\" app";
    let s = parse(src);
    assert!(s.errors.is_empty(), "{:?}", s.errors);
    assert_eq!(names(&s), ["sh", "apt-get", "curl", "bash", "su", "pip"]);
    let curl = &s.commands[2];
    assert_eq!(curl.depth, 1);
    assert_eq!(curl.parent, Some(0));
    assert_eq!(curl.range.slice(src), "curl x");
    assert_eq!(curl.separator, Separator::And);
    // Escaped string: mapped to the whole word.
    let pip = &s.commands[5];
    assert_eq!(pip.range.slice(src), "\"pip install \\\"a\\\"\"");
    assert_eq!(pip.args[1].value, "a");
    let s = parse("bash -eux -o pipefail -c \"make\"");
    assert_eq!(names(&s), ["bash", "make"]);
    assert_eq!(
        s.commands[1]
            .range
            .slice("bash -eux -o pipefail -c \"make\""),
        "make"
    );
    assert_ne!(s.commands[0].list, s.commands[1].list);
}

#[test]
fn negation_and_siblings() {
    let s = parse("! grep -q x f && a $(b) && c");
    assert!(s.commands[0].negated);
    assert!(!s.commands[1].negated);
    assert_eq!(s.previous_sibling(3).map(Command::name_str), Some("a"));
    assert_eq!(s.next_sibling(1).map(Command::name_str), Some("c"));
}

#[test]
fn errors_reported() {
    for src in [
        "echo 'abc",
        "echo \"abc",
        "echo $(ls",
        "echo `ls",
        "(a",
        "{ a;",
    ] {
        let s = parse(src);
        assert!(!s.errors.is_empty(), "{src}");
        assert_eq!(
            s.commands.first().map(Command::name_str),
            Some("echo").filter(|_| src.starts_with('e')).or(Some("a"))
        );
    }
}

fn check_ranges(src: &str, s: &Script) {
    let ok = |r: TextRange| {
        assert!(
            r.start <= r.end && r.end_usize() <= src.len(),
            "{r:?} in {src:?}"
        );
        assert!(src.is_char_boundary(r.start_usize()) && src.is_char_boundary(r.end_usize()));
    };
    for c in &s.commands {
        ok(c.range);
        for w in c
            .assignments
            .iter()
            .chain(&c.wrappers)
            .chain(&c.name)
            .chain(&c.args)
        {
            ok(w.range);
        }
        for rd in &c.redirects {
            ok(rd.range);
            rd.target.iter().for_each(|t| ok(t.range));
            rd.heredoc_body.iter().for_each(|&b| ok(b));
        }
        assert!(c.depth <= MAX_DEPTH + 1);
        if let Some(p) = c.parent {
            assert!(p < s.commands.len());
        }
    }
    s.errors.iter().for_each(|e| ok(e.range));
}

#[test]
fn hostile_inputs_do_not_panic() {
    let mut inputs: Vec<String> = vec![
        "$(".repeat(10_000),
        "(".repeat(10_000),
        "{ ".repeat(10_000),
        "`".repeat(10_001),
        "sh -c \"sh -c \\\"".repeat(200),
        format!("{}x{}", "$(".repeat(100), ")".repeat(100)),
        format!("{}x{}", "${".repeat(1000), "}".repeat(10)),
        "echo 'unterminated".into(),
        "echo \"unterminated $(".into(),
        "\\".into(),
        "a \\".into(),
        "é\\é'é\"é$é`é$(é${é<<é".into(),
        "cat <<".into(),
        "cat <<EOF".into(),
        "cat <<EOF\nbody".into(),
        ")))}}};;;&&&|||<<<>>>".into(),
        "case x in".into(),
        "case x in a) b".into(),
        "for".into(),
        "for x in".into(),
        "f() ".into(),
        "{x}>".into(),
        "a=(".into(),
        "2>".into(),
        "[[ a".into(),
        "$'\\".into(),
        "\"\\é\"".into(),
        "$((é".into(),
        "sh -c".into(),
        "su -c".into(),
        "sudo -u".into(),
        String::new(),
    ];
    // Pseudo-random strings over a shell-heavy alphabet, multi-byte chars included.
    let alphabet: Vec<char> = "ab $(){}`'\"\\\n;&|<>#=-é漢🦀\t!\r0129[]*"
        .chars()
        .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..2000 {
        let mut s = String::new();
        for _ in 0..(seed % 64) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = usize::try_from(seed % alphabet.len() as u64).unwrap_or(0);
            s.push(alphabet.get(i).copied().unwrap_or('x'));
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        inputs.push(s);
    }
    for src in &inputs {
        let s = parse(src);
        check_ranges(src, &s);
    }
}

#[test]
fn deep_nesting_is_capped() {
    let src = "$(".repeat(10_000);
    let s = parse(&src);
    assert!(s.commands.iter().all(|c| c.depth <= MAX_DEPTH));
    assert!(!s.errors.is_empty());
    let src = format!("{}echo{}", "$(".repeat(70), ")".repeat(70));
    let s = parse(&src);
    assert!(s.commands.iter().all(|c| c.depth <= MAX_DEPTH));
}

#[test]
fn family_and_tool_come_from_the_unwrapped_basename() {
    use super::commands::{Family, Tool};
    let s = parse(
        "/usr/bin/curl -fsSL x | sudo -u root tar -xz && env A=1 apt-get install -y b; \
         ./curl; Curl x; gtar -xf a; echo",
    );
    let got: Vec<(&str, Family, Tool)> = s
        .commands
        .iter()
        .map(|c| (c.name_str(), c.family, c.tool))
        .collect();
    assert_eq!(
        got,
        [
            ("curl", Family::Other, Tool::Curl),
            ("tar", Family::Other, Tool::Archive),
            ("apt-get", Family::Apt, Tool::Other),
            ("curl", Family::Other, Tool::Curl),
            // Command names are case-sensitive.
            ("Curl", Family::Other, Tool::Other),
            ("gtar", Family::Other, Tool::Archive),
            ("echo", Family::Other, Tool::Echo),
        ]
    );
}
