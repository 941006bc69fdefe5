//! Correctness rules: mistakes that break or mislead the build.

pub(crate) mod common;
mod cor001_maintainer_deprecated;
mod cor002_stage_name_duplicate;
mod cor003_stage_name_reserved;
mod cor004_copy_from_unknown_stage;
mod cor005_copy_from_self;
mod cor006_multiple_cmd;
mod cor007_multiple_entrypoint;
mod cor008_multiple_healthcheck;
mod cor009_expose_port_range;
mod cor010_expose_invalid_format;
mod cor011_workdir_relative;
mod cor012_copy_relative_dest_without_workdir;
mod cor013_copy_dest_needs_slash;
mod cor014_json_args_recommended;
mod cor015_json_single_quotes;
mod cor016_exec_form_trailing_text;
mod cor017_env_self_reference;
mod cor018_undefined_var;
mod cor019_undefined_arg_in_from;
mod cor020_invalid_default_arg_in_from;
mod cor021_from_platform_constant;
mod cor022_redundant_target_platform;
mod cor023_copy_ignored_file;
mod cor024_pipefail_missing;
mod cor025_shell_via_ln;
mod cor026_cd_instead_of_workdir;
mod cor027_invalid_stopsignal;
mod cor028_invalid_base_reference;
mod cor029_cmd_with_entrypoint_shell;
mod cor030_healthcheck_in_builder;
mod cor031_definition_description;
mod cor032_duplicate_label_key;
pub(crate) mod dockerignore;

pub use cor001_maintainer_deprecated::MaintainerDeprecated;
pub use cor002_stage_name_duplicate::StageNameDuplicate;
pub use cor003_stage_name_reserved::StageNameReserved;
pub use cor004_copy_from_unknown_stage::CopyFromUnknownStage;
pub use cor005_copy_from_self::CopyFromSelf;
pub use cor006_multiple_cmd::MultipleCmd;
pub use cor007_multiple_entrypoint::MultipleEntrypoint;
pub use cor008_multiple_healthcheck::MultipleHealthcheck;
pub use cor009_expose_port_range::ExposePortRange;
pub use cor010_expose_invalid_format::ExposeInvalidFormat;
pub use cor011_workdir_relative::WorkdirRelative;
pub use cor012_copy_relative_dest_without_workdir::CopyRelativeDestWithoutWorkdir;
pub use cor013_copy_dest_needs_slash::CopyDestNeedsSlash;
pub use cor014_json_args_recommended::JsonArgsRecommended;
pub use cor015_json_single_quotes::JsonSingleQuotes;
pub use cor016_exec_form_trailing_text::ExecFormTrailingText;
pub use cor017_env_self_reference::EnvSelfReference;
pub use cor018_undefined_var::UndefinedVar;
pub use cor019_undefined_arg_in_from::UndefinedArgInFrom;
pub use cor020_invalid_default_arg_in_from::InvalidDefaultArgInFrom;
pub use cor021_from_platform_constant::FromPlatformConstant;
pub use cor022_redundant_target_platform::RedundantTargetPlatform;
pub use cor023_copy_ignored_file::CopyIgnoredFile;
pub use cor024_pipefail_missing::PipefailMissing;
pub use cor025_shell_via_ln::ShellViaLn;
pub use cor026_cd_instead_of_workdir::CdInsteadOfWorkdir;
pub use cor027_invalid_stopsignal::InvalidStopsignal;
pub use cor028_invalid_base_reference::InvalidBaseReference;
pub use cor029_cmd_with_entrypoint_shell::CmdWithEntrypointShell;
pub use cor030_healthcheck_in_builder::HealthcheckInBuilder;
pub use cor031_definition_description::DefinitionDescription;
pub use cor032_duplicate_label_key::DuplicateLabelKey;

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[
    &MaintainerDeprecated,
    &StageNameDuplicate,
    &StageNameReserved,
    &CopyFromUnknownStage,
    &CopyFromSelf,
    &MultipleCmd,
    &MultipleEntrypoint,
    &MultipleHealthcheck,
    &ExposePortRange,
    &ExposeInvalidFormat,
    &WorkdirRelative,
    &CopyRelativeDestWithoutWorkdir,
    &CopyDestNeedsSlash,
    &JsonArgsRecommended,
    &JsonSingleQuotes,
    &ExecFormTrailingText,
    &EnvSelfReference,
    &UndefinedVar,
    &UndefinedArgInFrom,
    &InvalidDefaultArgInFrom,
    &FromPlatformConstant,
    &RedundantTargetPlatform,
    &CopyIgnoredFile,
    &PipefailMissing,
    &ShellViaLn,
    &CdInsteadOfWorkdir,
    &InvalidStopsignal,
    &InvalidBaseReference,
    &CmdWithEntrypointShell,
    &HealthcheckInBuilder,
    &DefinitionDescription,
    &DuplicateLabelKey,
];
