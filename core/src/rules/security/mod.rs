//! Security rules.

pub(crate) mod shared;

mod sec001_root_user;
mod sec002_sudo_in_run;
mod sec003_secret_in_arg_env_name;
mod sec004_secret_value;
mod sec005_secret_file_copied;
mod sec006_ssh_port_exposed;
mod sec007_add_instead_of_copy;
mod sec008_add_remote_without_checksum;
mod sec009_curl_pipe_shell;
mod sec010_insecure_http_download;
mod sec011_curl_insecure;
mod sec012_wget_no_check_certificate;
mod sec013_pip_trusted_host;
mod sec014_pip_trusted_host_env;
mod sec015_python_https_verify_disabled;
mod sec016_node_tls_reject_unauthorized;
mod sec017_apk_allow_untrusted;
mod sec018_apt_allow_unauthenticated;
mod sec019_apt_force_yes;
mod sec020_rpm_nogpgcheck;
mod sec021_rpm_no_signature;
mod sec022_npm_strict_ssl_disabled;
mod sec023_git_ssl_verify_disabled;
mod sec024_yum_sslverify_disabled;
mod sec025_chpasswd_used;
mod sec026_chmod_world_writable;
mod sec027_setuid_bit;
mod sec028_run_security_insecure;
mod sec029_run_network_host;
mod sec030_workdir_system_dir;
mod sec031_copy_whole_filesystem;
mod sec032_admin_commands_in_run;
mod sec033_user_non_numeric;
mod sec034_apt_key_deprecated;
mod sec035_docker_socket_volume;
mod sec036_ssh_private_key_in_build;

pub use sec001_root_user::RootUser;
pub use sec002_sudo_in_run::SudoInRun;
pub use sec003_secret_in_arg_env_name::SecretInArgEnvName;
pub use sec004_secret_value::SecretValue;
pub use sec005_secret_file_copied::SecretFileCopied;
pub use sec006_ssh_port_exposed::SshPortExposed;
pub use sec007_add_instead_of_copy::AddInsteadOfCopy;
pub use sec008_add_remote_without_checksum::AddRemoteWithoutChecksum;
pub use sec009_curl_pipe_shell::CurlPipeShell;
pub use sec010_insecure_http_download::InsecureHttpDownload;
pub use sec011_curl_insecure::CurlInsecure;
pub use sec012_wget_no_check_certificate::WgetNoCheckCertificate;
pub use sec013_pip_trusted_host::PipTrustedHost;
pub use sec014_pip_trusted_host_env::PipTrustedHostEnv;
pub use sec015_python_https_verify_disabled::PythonHttpsVerifyDisabled;
pub use sec016_node_tls_reject_unauthorized::NodeTlsRejectUnauthorized;
pub use sec017_apk_allow_untrusted::ApkAllowUntrusted;
pub use sec018_apt_allow_unauthenticated::AptAllowUnauthenticated;
pub use sec019_apt_force_yes::AptForceYes;
pub use sec020_rpm_nogpgcheck::RpmNogpgcheck;
pub use sec021_rpm_no_signature::RpmNoSignature;
pub use sec022_npm_strict_ssl_disabled::NpmStrictSslDisabled;
pub use sec023_git_ssl_verify_disabled::GitSslVerifyDisabled;
pub use sec024_yum_sslverify_disabled::YumSslverifyDisabled;
pub use sec025_chpasswd_used::ChpasswdUsed;
pub use sec026_chmod_world_writable::ChmodWorldWritable;
pub use sec027_setuid_bit::SetuidBit;
pub use sec028_run_security_insecure::RunSecurityInsecure;
pub use sec029_run_network_host::RunNetworkHost;
pub use sec030_workdir_system_dir::WorkdirSystemDir;
pub use sec031_copy_whole_filesystem::CopyWholeFilesystem;
pub use sec032_admin_commands_in_run::AdminCommandsInRun;
pub use sec033_user_non_numeric::UserNonNumeric;
pub use sec034_apt_key_deprecated::AptKeyDeprecated;
pub use sec035_docker_socket_volume::DockerSocketVolume;
pub use sec036_ssh_private_key_in_build::SshPrivateKeyInBuild;

use super::Rule;

pub(crate) const RULES: &[&dyn Rule] = &[
    &RootUser,
    &SudoInRun,
    &SecretInArgEnvName,
    &SecretValue,
    &SecretFileCopied,
    &SshPortExposed,
    &AddInsteadOfCopy,
    &AddRemoteWithoutChecksum,
    &CurlPipeShell,
    &InsecureHttpDownload,
    &CurlInsecure,
    &WgetNoCheckCertificate,
    &PipTrustedHost,
    &PipTrustedHostEnv,
    &PythonHttpsVerifyDisabled,
    &NodeTlsRejectUnauthorized,
    &ApkAllowUntrusted,
    &AptAllowUnauthenticated,
    &AptForceYes,
    &RpmNogpgcheck,
    &RpmNoSignature,
    &NpmStrictSslDisabled,
    &GitSslVerifyDisabled,
    &YumSslverifyDisabled,
    &ChpasswdUsed,
    &ChmodWorldWritable,
    &SetuidBit,
    &RunSecurityInsecure,
    &RunNetworkHost,
    &WorkdirSystemDir,
    &CopyWholeFilesystem,
    &AdminCommandsInRun,
    &UserNonNumeric,
    &AptKeyDeprecated,
    &DockerSocketVolume,
    &SshPrivateKeyInBuild,
];
