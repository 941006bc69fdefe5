//! Size rules: what makes images bigger than they need to be.

pub(crate) mod common;

mod sz001_apt_install_recommends;
mod sz002_apt_lists_not_removed;
mod sz003_apk_no_cache;
mod sz004_pip_no_cache_dir;
mod sz005_yum_clean_missing;
mod sz006_dnf_clean_missing;
mod sz007_microdnf_clean_missing;
mod sz008_zypper_clean_missing;
mod sz009_yarn_cache_clean_missing;
mod sz010_consecutive_run;
mod sz011_useradd_no_log_init;
mod sz012_wget_progress_bloat;
mod sz013_copy_archive_then_extract;
mod sz014_prefer_cache_mount;
mod sz015_copy_all_before_install;
mod sz016_build_tools_in_final_stage;
mod sz017_gem_install_docs;
mod sz018_npm_cache_not_cleaned;
mod sz019_bloated_base_image;
mod sz020_multi_stage_build_advice;
mod sz021_dockerignore_missing;

pub use sz001_apt_install_recommends::AptInstallRecommends;
pub use sz002_apt_lists_not_removed::AptListsNotRemoved;
pub use sz003_apk_no_cache::ApkNoCache;
pub use sz004_pip_no_cache_dir::PipNoCacheDir;
pub use sz005_yum_clean_missing::YumCleanMissing;
pub use sz006_dnf_clean_missing::DnfCleanMissing;
pub use sz007_microdnf_clean_missing::MicrodnfCleanMissing;
pub use sz008_zypper_clean_missing::ZypperCleanMissing;
pub use sz009_yarn_cache_clean_missing::YarnCacheCleanMissing;
pub use sz010_consecutive_run::ConsecutiveRun;
pub use sz011_useradd_no_log_init::UseraddNoLogInit;
pub use sz012_wget_progress_bloat::WgetProgressBloat;
pub use sz013_copy_archive_then_extract::CopyArchiveThenExtract;
pub use sz014_prefer_cache_mount::PreferCacheMount;
pub use sz015_copy_all_before_install::CopyAllBeforeInstall;
pub use sz016_build_tools_in_final_stage::BuildToolsInFinalStage;
pub use sz017_gem_install_docs::GemInstallDocs;
pub use sz018_npm_cache_not_cleaned::NpmCacheNotCleaned;
pub use sz019_bloated_base_image::BloatedBaseImage;
pub use sz020_multi_stage_build_advice::MultiStageBuildAdvice;
pub use sz021_dockerignore_missing::DockerignoreMissing;

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[
    &AptInstallRecommends,
    &AptListsNotRemoved,
    &ApkNoCache,
    &PipNoCacheDir,
    &YumCleanMissing,
    &DnfCleanMissing,
    &MicrodnfCleanMissing,
    &ZypperCleanMissing,
    &YarnCacheCleanMissing,
    &ConsecutiveRun,
    &UseraddNoLogInit,
    &WgetProgressBloat,
    &CopyArchiveThenExtract,
    &PreferCacheMount,
    &CopyAllBeforeInstall,
    &BuildToolsInFinalStage,
    &GemInstallDocs,
    &NpmCacheNotCleaned,
    &BloatedBaseImage,
    &MultiStageBuildAdvice,
    &DockerignoreMissing,
];
