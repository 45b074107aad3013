# Sourced by the ops/ci/install-*.sh scripts: installs Debian packages, as root or through sudo.
# (Not an installer itself: .ci/run runs only install-*.sh.)

apt_install() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}
