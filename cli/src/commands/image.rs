//! `stowage image report`: which layer costs what, which Dockerfile line made it.

use std::path::Path;

use stowage_core::image::{self, DockerfileStep};
use stowage_core::syntax;

use crate::CmdResult;
use crate::args::{ImageReportArgs, ReportFormat};
use crate::error::CliError;
use crate::out;
use crate::position::SourceMap;

fn read_text(path: &Path) -> Result<String, CliError> {
    let bytes = super::read_input(path)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub fn run_report(args: &ImageReportArgs) -> CmdResult {
    let text = read_text(&args.file)?;
    let analysis = image::analyze(&text);
    let Some(doc) = analysis.document.as_ref() else {
        let msg = analysis
            .errors
            .first()
            .map_or_else(|| "not an image document".to_owned(), |e| e.message.clone());
        let map = SourceMap::new(&text);
        let (line, col) = analysis
            .errors
            .first()
            .map_or((1, 1), |e| map.point(e.range.start));
        return Err(CliError::new(format!(
            "{}:{line}:{col}: {msg}",
            args.file.display()
        )));
    };
    let config_text = args.image_config.as_deref().map(read_text).transpose()?;
    let config_analysis = config_text.as_deref().map(image::analyze);
    let config = config_analysis
        .as_ref()
        .and_then(|a| a.document.as_ref())
        .and_then(|d| d.image_config.as_ref());
    if args.image_config.is_some() && config.is_none() {
        return Err(CliError::new(format!(
            "{} is not an image config",
            args.image_config
                .as_deref()
                .unwrap_or(Path::new(""))
                .display()
        )));
    }
    let mut report = image::size_report(doc, config);
    if let Some(df_path) = &args.dockerfile {
        let bytes = super::read_input(df_path)?;
        let (src, df) = syntax::parse_bytes(&bytes);
        let index = stowage_core::LineIndex::new(&src);
        let dump = syntax::dump(&src, &df, &index);
        let steps: Vec<DockerfileStep> = df
            .instructions()
            .zip(&dump.instructions)
            .map(|(ins, d)| DockerfileStep {
                line: d.line,
                keyword: d.keyword.clone(),
                text: ins.range.slice(&src).trim_end().to_owned(),
            })
            .collect();
        image::map_to_dockerfile(&mut report, &steps);
    }
    let output = match args.format {
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report)
                .map_err(|e| CliError::new(format!("cannot serialise the report: {e}")))?;
            s.push('\n');
            s
        }
        ReportFormat::Tty => report.render_text(),
    };
    out::stdout(&output)?;
    Ok(0)
}
