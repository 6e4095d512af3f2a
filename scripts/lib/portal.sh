# shellcheck shell=bash
# Helpers to publish and run portal instances for the operations scripts (two-instances.sh, faults.sh).

# portal_publish DIR: a Release build of the portal, published into DIR (the way it runs in production).
portal_publish() {
  local dir=$1
  echo "Publication Release du portail dans $dir…"
  dotnet publish src/Observatoire.Web -c Release -o "$dir" -nologo -v quiet -tl:off >/dev/null
}

# portal_start APP_DIR PORT LOG: starts an instance in the background (Production environment) and prints its pid.
# The caller exports ConnectionStrings__Observatoire and any Observatoire__* settings first.
portal_start() {
  local app=$1 port=$2 log=$3
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Production exec dotnet Observatoire.Web.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1) &
  echo $!
}

# portal_wait PORT [SECONDS]: waits until /healthz answers 200.
portal_wait() {
  local port=$1 limit=${2:-120} i
  for ((i = 0; i < limit; i++)); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; then return 0; fi
    sleep 1
  done
  echo "Le portail sur le port $port ne répond pas après ${limit} s." >&2
  return 1
}

# need_packages PKG…: installs missing Debian packages (as root), or says which ones are missing.
need_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "Paquets manquants : ${missing[*]} (lancez ce script en root, ou installez-les avec apt-get)." >&2
    return 1
  fi
  echo "Installation de : ${missing[*]}…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}
