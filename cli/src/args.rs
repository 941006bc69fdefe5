//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "stowage",
    version = stowage_core::VERSION,
    about = "Lint, fix and optimise Dockerfiles and container images",
    propagate_version = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the parse of a Dockerfile (instructions, flags, heredocs, syntax errors).
    Parse(ParseArgs),
    /// Check Dockerfiles; optionally fix them.
    Lint(LintArgs),
    /// List every rule.
    Rules(RulesArgs),
    /// Show a rule's documentation.
    Explain(ExplainArgs),
    /// Size optimizer: slimmer bases, multi-stage builds, caching, .dockerignore advice.
    Optimize(crate::optimize_cmd::OptimizeArgs),
    /// Image documents (manifests, configs, `docker inspect` output).
    #[command(subcommand)]
    Image(ImageCommand),
    /// Configuration: print the effective settings for a file.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Convert another tool's configuration to `stowage.toml`.
    #[command(subcommand)]
    Migrate(MigrateCommand),
    /// Write the rule documentation pages (for maintainers).
    #[command(hide = true)]
    GenerateDocs(GenerateDocsArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    Json,
    Tree,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Json)]
    pub format: ParseFormat,
    /// The Dockerfile, or `-` for standard input.
    pub file: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Human-readable with code frames.
    Tty,
    /// One JSON array of findings.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// Checkstyle XML.
    Checkstyle,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// Code Climate engine issues (NUL-separated JSON objects).
    Codeclimate,
    /// `file:line.col-line.col: severity: message [CODE]`.
    Gnu,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML.
    Junit,
}

/// `error|warning|info|style`, or `none` to never fail on findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Threshold {
    Error,
    Warning,
    Info,
    Style,
    None,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files or directories (directories are searched for Dockerfiles, honouring
    /// .gitignore); `-` reads standard input. Default: the current directory.
    pub paths: Vec<PathBuf>,

    /// Rules to run instead of the configured set: codes, names, families, aliases or `all`
    /// (comma-separated, repeatable).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Rules to add to the selected set.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Rules to turn off.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,

    /// Configuration file (default: the nearest stowage.toml or .stowage.toml above each
    /// file, or $STOWAGE_CONFIG).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,

    /// Exit with 1 when a finding has at least this severity [default: info, or the config's
    /// failure-threshold].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub failure_threshold: Option<Threshold>,
    /// The stage that is built (like `docker build --target`).
    #[arg(long, value_name = "STAGE")]
    pub target: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Tty)]
    pub format: LintFormat,
    /// Treat the inputs as Dockerfiles or image JSON (default: by name and content).
    #[arg(long, value_enum, default_value_t = Kind::Auto)]
    pub kind: Kind,
    /// Print how often each rule was reported instead of each finding.
    #[arg(long)]
    pub statistics: bool,
    /// Never colour the output (also: NO_COLOR=1).
    #[arg(long)]
    pub no_color: bool,
    /// The file name to report for standard input (also used to find its configuration
    /// and .dockerignore).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,

    /// Apply safe fixes to the files (stdin: print the fixed text).
    #[arg(long)]
    pub fix: bool,
    /// Also apply fixes that may change behaviour.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff and change nothing; exit 1 if anything would change.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
}

/// What the inputs of `stowage lint` are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Image JSON for `.json` files and inputs starting with `{` or `[`, else Dockerfiles.
    Auto,
    Dockerfile,
    /// An image manifest, index, config, `docker inspect` or `docker save` manifest.
    Image,
}

#[derive(Debug, Subcommand)]
pub enum ImageCommand {
    /// Which layer costs what, which build step (and Dockerfile line) made it.
    Report(ImageReportArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Tty,
    Json,
}

#[derive(Debug, Args)]
pub struct ImageReportArgs {
    /// An image manifest (layer sizes), `docker inspect` output or image config; `-` for stdin.
    pub file: PathBuf,
    /// The image config, when FILE is a manifest (for the build steps of each layer).
    #[arg(long, value_name = "FILE")]
    pub image_config: Option<PathBuf>,
    /// The Dockerfile the image was built from, to map layers to its lines.
    #[arg(long, value_name = "PATH")]
    pub dockerfile: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Tty)]
    pub format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
    /// Configuration file whose `[[custom-rules]]` are listed too (default: the one found from
    /// the current directory, as `lint` finds it).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code (`SZ001`), name (`apt-install-recommends`) or alias (`DL3015`).
    pub rule: String,
}

#[derive(Debug, Args)]
pub struct GenerateDocsArgs {
    /// Fail (exit 1) if the files on disk differ from the generated ones; write nothing.
    #[arg(long)]
    pub check: bool,
    /// Where the pages go.
    #[arg(long, default_value = "docs/rules")]
    pub dir: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the effective configuration for a file (presets, `extends`, overrides and
    /// discovery applied) as TOML.
    Show(ConfigShowArgs),
}

#[derive(Debug, Args)]
pub struct ConfigShowArgs {
    /// The Dockerfile (or directory) whose configuration to show [default: ./Dockerfile].
    pub path: Option<PathBuf>,
    /// Configuration file (instead of discovery).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
}

#[derive(Debug, Subcommand)]
pub enum MigrateCommand {
    /// Write the `stowage.toml` equivalent to a hadolint configuration.
    Hadolint(MigrateHadolintArgs),
}

#[derive(Debug, Args)]
pub struct MigrateHadolintArgs {
    /// The hadolint configuration [default: .hadolint.yaml, then hadolint's user locations].
    pub file: Option<PathBuf>,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}
