#!/usr/bin/env bash
# Installs what building and testing Taonet needs on a fresh Debian machine with rustup.
# Idempotent: it installs only what is missing, so it is cheap to run before every build.
#
#   scripts/setup.sh               # to build and to test (CI)
#   scripts/setup.sh --build-only  # to build the node only (the Docker image's builder stage)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

build_only=0
case "${1:-}" in
	--build-only) build_only=1 ;;
	"") ;;
	*) echo "[setup] unknown option $1" >&2; exit 1 ;;
esac

log() { echo "[setup] $*"; }

# System packages: protoc for libp2p's protobuf code and a C toolchain to build; Node.js and
# Python for the end-to-end tests, and curl for the devnet script.
missing=()
command -v protoc >/dev/null 2>&1 || missing+=(protobuf-compiler)
command -v cc >/dev/null 2>&1 || missing+=(build-essential)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ "$build_only" -eq 0 ]; then
	command -v curl >/dev/null 2>&1 || missing+=(curl)
	command -v node >/dev/null 2>&1 || missing+=(nodejs)
	command -v npm >/dev/null 2>&1 || missing+=(npm)
	command -v python3 >/dev/null 2>&1 || missing+=(python3)
	python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
fi
if [ "${#missing[@]}" -gt 0 ]; then
	log "installing Debian packages: ${missing[*]}"
	sudo_cmd=()
	[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
	"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The e2e suites use Node's test runner as of Node.js 20.10 (`--test-concurrency`), and the
# compose file's validator (dclint) Node.js 20.19.
if [ "$build_only" -eq 0 ]; then
	node_version=$(node -p 'process.versions.node')
	if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
		echo "[setup] Node.js $node_version is too old: the end-to-end tests need Node.js 20.19 or later" >&2
		exit 1
	fi
fi

# Rust: the Wasm target and the standard library's source, which the runtime's Wasm build needs,
# for the toolchain this workspace selects (rust-toolchain.toml).
cd "$TAONET_ROOT"
if ! command -v rustup >/dev/null 2>&1; then
	echo "[setup] rustup is required: see https://rustup.rs" >&2
	exit 1
fi
rustup target list --installed | grep -qx wasm32-unknown-unknown || {
	log "adding the wasm32-unknown-unknown target"
	rustup target add wasm32-unknown-unknown
}
rustup component list --installed | grep -q '^rust-src' || {
	log "adding rust-src"
	rustup component add rust-src
}

if [ "$build_only" -eq 1 ]; then
	log "ready to build"
	exit 0
fi

# The end-to-end tests' npm packages, exactly as locked.
e2e="$TAONET_ROOT/e2e"
if [ ! -d "$e2e/node_modules/@polkadot/api" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
	log "installing e2e npm packages"
	(cd "$e2e" && npm ci --no-audit --no-fund)
fi

# The Python substrate client for the Python signing test, exactly as locked.
venv="$e2e/python/.venv"
if [ ! -x "$venv/bin/python" ] || [ "$e2e/python/requirements.txt" -nt "$venv/installed" ]; then
	log "installing the Python substrate client into e2e/python/.venv"
	python3 -m venv "$venv"
	"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$e2e/python/requirements.txt"
	touch "$venv/installed"
fi

log "ready"
