//! A serialisable view of the parse, shared by `stowage parse --format json`, the WASM `parse()`
//! and the conformance tests. Lines are 1-based and count every physical line.

use serde::Serialize;

use crate::text::{LineIndex, PositionEncoding};

use super::ast::{Args, CommandForm, Dockerfile, Healthcheck, Instruction, Keyword};

#[derive(Debug, Serialize)]
pub struct ParseDump {
    pub directives: Vec<DirectiveDump>,
    pub escape: String,
    pub instructions: Vec<InstructionDump>,
}

#[derive(Debug, Serialize)]
pub struct DirectiveDump {
    pub name: String,
    pub value: String,
    pub line: u32,
}

#[derive(Debug, Serialize)]
pub struct HeredocDump {
    pub name: String,
    pub content: String,
    pub file_descriptor: u32,
    pub chomp: bool,
    pub quoted: bool,
    pub line: u32,
    pub end_line: u32,
}

#[derive(Debug, Serialize)]
pub struct InstructionDump {
    /// Upper-case keyword; unknown instructions keep the word as written, upper-cased.
    pub keyword: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    pub offsets: [u32; 2],
    pub flags: Vec<String>,
    /// BuildKit's node values (see the corpus README): exec-form elements, ENV/LABEL pairs
    /// flattened, HEALTHCHECK type first, shell-form text as one string.
    pub value: Vec<String>,
    pub json: bool,
    pub heredocs: Vec<HeredocDump>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onbuild: Option<Box<InstructionDump>>,
}

/// Builds the dump of a parsed file.
#[must_use]
pub fn dump(src: &str, df: &Dockerfile, index: &LineIndex) -> ParseDump {
    ParseDump {
        directives: df
            .directives
            .iter()
            .map(|d| DirectiveDump {
                name: d.name.clone(),
                value: d.value.clone(),
                line: index.line_of(d.range.start) + 1,
            })
            .collect(),
        escape: df.escape.to_string(),
        instructions: df
            .instructions()
            .map(|i| dump_instruction(src, i, index))
            .collect(),
    }
}

fn dump_instruction(src: &str, ins: &Instruction, index: &LineIndex) -> InstructionDump {
    let start = index.line_col(ins.range.start, src, PositionEncoding::Utf32);
    let end = index.line_col(ins.range.end, src, PositionEncoding::Utf32);
    let keyword = if ins.keyword == Keyword::Unknown {
        ins.keyword_text().to_ascii_uppercase()
    } else {
        ins.keyword.as_str().to_owned()
    };
    let onbuild = match &ins.args {
        Args::Onbuild(Some(inner)) => Some(Box::new(dump_instruction(src, inner, index))),
        _ => None,
    };
    InstructionDump {
        keyword,
        line: start.line + 1,
        column: start.col + 1,
        end_line: end.line + 1,
        end_column: end.col + 1,
        offsets: [ins.range.start, ins.range.end],
        flags: ins.flags.iter().map(|f| f.text.clone()).collect(),
        value: values(ins),
        json: is_json(ins),
        heredocs: ins
            .heredocs
            .iter()
            .map(|h| HeredocDump {
                name: h.name.clone(),
                content: h.content.clone(),
                file_descriptor: h.file_descriptor,
                chomp: h.chomp,
                quoted: h.quoted,
                line: index.line_of(h.content_range.start) + 1,
                end_line: index
                    .line_of(h.terminator_range.map_or(h.content_range.end, |t| t.start))
                    + 1,
            })
            .collect(),
        onbuild,
    }
}

fn is_json(ins: &Instruction) -> bool {
    match &ins.args {
        Args::Copy { json, .. } | Args::Volume { json, .. } => *json,
        Args::Onbuild(Some(inner)) => is_json(inner),
        _ => ins.command().is_some_and(CommandForm::is_exec),
    }
}

fn command_values(c: Option<&CommandForm>) -> Vec<String> {
    match c {
        None => Vec::new(),
        Some(CommandForm::Exec(e)) => e.args.iter().map(|w| w.text.clone()).collect(),
        Some(CommandForm::Shell(s)) => vec![s.text.as_str().to_owned()],
    }
}

/// BuildKit's value chain for an instruction.
#[must_use]
pub fn values(ins: &Instruction) -> Vec<String> {
    let words = |ws: &[super::Word]| ws.iter().map(|w| w.text.clone()).collect::<Vec<_>>();
    match &ins.args {
        Args::From {
            image,
            as_keyword,
            alias,
            extra,
        } => image
            .iter()
            .chain(as_keyword)
            .chain(alias)
            .chain(extra)
            .map(|w| w.text.clone())
            .collect(),
        Args::Run { command, .. } => command_values(command.as_ref()),
        Args::Cmd(c) | Args::Entrypoint(c) | Args::Shell(c) => command_values(c.as_ref()),
        Args::Label(kv) | Args::Env(kv) => kv
            .iter()
            .flat_map(|p| [p.key.text.clone(), p.value.text.clone()])
            .collect(),
        Args::Expose(w) => words(w),
        Args::Copy { paths, .. } | Args::Volume { paths, .. } => words(paths),
        Args::Arg(decls) => decls
            .iter()
            .map(|d| match &d.default {
                Some(def) => format!("{}={}", d.name.text, def.text),
                None => d.name.text.clone(),
            })
            .collect(),
        Args::Maintainer(w) | Args::Workdir(w) | Args::User(w) | Args::Stopsignal(w) => {
            w.iter().map(|w| w.text.clone()).collect()
        }
        Args::Onbuild(inner) => inner.as_ref().map(|i| values(i)).unwrap_or_default(),
        Args::Healthcheck(h) => match h {
            Healthcheck::Missing => Vec::new(),
            Healthcheck::None(w) => vec![w.text.clone()],
            Healthcheck::Cmd {
                cmd_keyword,
                command,
            }
            | Healthcheck::Invalid {
                kind: cmd_keyword,
                command,
            } => {
                let mut v = vec![cmd_keyword.text.clone()];
                v.extend(command_values(command.as_ref()));
                v
            }
        },
        Args::Unknown => vec![String::new()],
    }
}
