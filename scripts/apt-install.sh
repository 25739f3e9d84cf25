# Sourced by the ensure-*.sh scripts: apt_install WHY PKG... installs Debian packages as root (or
# through sudo), running `apt-get update` only when the first attempt fails; without root or sudo
# it prints WHY and the command to run, and fails.
apt_install() {
  local why=$1; shift
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
      echo "agentvm: $why: install them as root (apt-get install $*)" >&2
      return 1
    fi
  fi
  echo "agentvm: installing $* ($why)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y -q --no-install-recommends "$@" >/dev/null; then
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q --no-install-recommends "$@" >/dev/null
  fi
}
