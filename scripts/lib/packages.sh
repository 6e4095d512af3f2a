# shellcheck shell=bash
# Debian packages the scripts need (sourced by test.sh, and by the operations scripts through portal.sh).

# missing_packages PKG…: prints, one a line, those of these packages that are not installed.
missing_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

# install_packages PKG…: installs these packages (as root); as another user, says which ones are missing and fails.
# Does nothing when given none.
install_packages() {
  [ $# -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "Paquets manquants : $* (lancez ce script en root, ou installez-les avec apt-get)." >&2
    return 1
  fi
  echo "Installation de : $*…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# need_packages PKG…: installs those of these packages that are missing (as root), or says which ones are missing.
need_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  install_packages "${missing[@]}"
}
