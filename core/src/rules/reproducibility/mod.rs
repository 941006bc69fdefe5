//! Reproducibility rules: pinning and hygiene that make builds repeatable.

mod common_pin;
mod common_yes;

mod rep001_base_image_untagged;
mod rep002_base_image_latest;
mod rep003_base_image_not_digest_pinned;
mod rep004_apt_get_missing_yes;
mod rep005_yum_missing_yes;
mod rep006_dnf_missing_yes;
mod rep007_zypper_missing_non_interactive;
mod rep008_apt_instead_of_apt_get;
mod rep009_update_without_install;
mod rep010_dist_upgrade;
mod rep011_apt_version_unpinned;
mod rep012_apk_version_unpinned;
mod rep013_pip_version_unpinned;
mod rep014_npm_version_unpinned;
mod rep015_gem_version_unpinned;
mod rep016_yum_version_unpinned;
mod rep017_zypper_version_unpinned;
mod rep018_dnf_version_unpinned;
mod rep019_go_install_unpinned;
mod rep020_cargo_install_unlocked;
mod rep021_single_downloader;
mod rep022_healthcheck_missing;
mod rep023_git_clone_unpinned;
mod rep024_npm_install_without_lockfile;

pub use rep001_base_image_untagged::BaseImageUntagged;
pub use rep002_base_image_latest::BaseImageLatest;
pub use rep003_base_image_not_digest_pinned::BaseImageNotDigestPinned;
pub use rep004_apt_get_missing_yes::AptGetMissingYes;
pub use rep005_yum_missing_yes::YumMissingYes;
pub use rep006_dnf_missing_yes::DnfMissingYes;
pub use rep007_zypper_missing_non_interactive::ZypperMissingNonInteractive;
pub use rep008_apt_instead_of_apt_get::AptInsteadOfAptGet;
pub use rep009_update_without_install::UpdateWithoutInstall;
pub use rep010_dist_upgrade::DistUpgrade;
pub use rep011_apt_version_unpinned::AptVersionUnpinned;
pub use rep012_apk_version_unpinned::ApkVersionUnpinned;
pub use rep013_pip_version_unpinned::PipVersionUnpinned;
pub use rep014_npm_version_unpinned::NpmVersionUnpinned;
pub use rep015_gem_version_unpinned::GemVersionUnpinned;
pub use rep016_yum_version_unpinned::YumVersionUnpinned;
pub use rep017_zypper_version_unpinned::ZypperVersionUnpinned;
pub use rep018_dnf_version_unpinned::DnfVersionUnpinned;
pub use rep019_go_install_unpinned::GoInstallUnpinned;
pub use rep020_cargo_install_unlocked::CargoInstallUnlocked;
pub use rep021_single_downloader::SingleDownloader;
pub use rep022_healthcheck_missing::HealthcheckMissing;
pub use rep023_git_clone_unpinned::GitCloneUnpinned;
pub use rep024_npm_install_without_lockfile::NpmInstallWithoutLockfile;

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[
    &BaseImageUntagged,
    &BaseImageLatest,
    &BaseImageNotDigestPinned,
    &AptGetMissingYes,
    &YumMissingYes,
    &DnfMissingYes,
    &ZypperMissingNonInteractive,
    &AptInsteadOfAptGet,
    &UpdateWithoutInstall,
    &DistUpgrade,
    &AptVersionUnpinned,
    &ApkVersionUnpinned,
    &PipVersionUnpinned,
    &NpmVersionUnpinned,
    &GemVersionUnpinned,
    &YumVersionUnpinned,
    &ZypperVersionUnpinned,
    &DnfVersionUnpinned,
    &GoInstallUnpinned,
    &CargoInstallUnlocked,
    &SingleDownloader,
    &HealthcheckMissing,
    &GitCloneUnpinned,
    &NpmInstallWithoutLockfile,
];
