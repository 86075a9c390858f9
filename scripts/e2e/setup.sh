#!/usr/bin/env bash
# Prepares everything the real-VS-Code tests need: Debian's headless Chromium (the workbench runs in it),
# ripgrep and the Kerberos headers (both needed to build code-server), and code-server itself, which
# provides the real VS Code workbench and Node extension host because desktop VS Code cannot be downloaded.
#
# It is safe to run before every test run: when everything is already present it only checks a few
# paths and returns in milliseconds. code-server is installed outside the repository, in
# ${CROSSCHECK_E2E_CACHE:-$HOME/.cache/crosscheck-e2e}, so it survives `git clean` and is shared by clones.
set -euo pipefail

readonly CODE_SERVER_VERSION=4.100.3
# code-server 4.100.3 depends on @vscode/ripgrep 1.15.11, whose postinstall downloads this ripgrep build
# from GitHub unless a file of this name is already in its cache folder.
readonly RIPGREP_PACKAGE_VERSION=1.15.11
readonly RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
readonly APT_PACKAGES=(chromium fonts-liberation libkrb5-dev ripgrep)

cache_dir="${CROSSCHECK_E2E_CACHE:-$HOME/.cache/crosscheck-e2e}"
install_dir="$cache_dir/code-server-$CODE_SERVER_VERSION"

log() { printf 'e2e setup: %s\n' "$*" >&2; }
fail() {
	printf 'e2e setup: FAILED: %s\n' "$*" >&2
	exit 1
}

# Lists the apt packages that are not installed yet. One dpkg-query call for all of them keeps the
# already-installed case fast.
missing_apt_packages() {
	local pkg status
	for pkg in "${APT_PACKAGES[@]}"; do
		status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
		[[ "$status" == installed ]] || printf '%s\n' "$pkg"
	done
}

install_apt_packages() {
	local missing
	mapfile -t missing < <(missing_apt_packages)
	((${#missing[@]} == 0)) && return 0

	command -v apt-get >/dev/null || fail "apt-get not found; install these Debian packages (or equivalents) first: ${missing[*]}"
	local sudo=()
	if ((EUID != 0)); then
		command -v sudo >/dev/null || fail "need root (or sudo) to apt-get install: ${missing[*]}"
		sudo=(sudo)
	fi
	log "installing apt packages: ${missing[*]}"
	local apt_log
	apt_log=$(mktemp)
	# Output goes to a log that is shown only on failure, so a normal run prints a single line.
	if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$apt_log" 2>&1 ||
		! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1; then
		tail -n 30 "$apt_log" >&2
		rm -f "$apt_log"
		fail "apt-get could not install ${missing[*]} (log above)"
	fi
	rm -f "$apt_log"
	[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is missing after installing the chromium package"
}

# Installs code-server into a temporary sibling folder and renames it into place only once the install
# has fully succeeded, so the presence of $install_dir always means a complete, usable install.
install_code_server() {
	[[ -d "$install_dir" ]] && return 0
	mkdir -p "$cache_dir"

	# A lock keeps two simultaneous test runs from building code-server twice into the same folder.
	exec 9>"$cache_dir/.install.lock"
	if ! flock -n 9; then
		log "another setup is installing code-server; waiting for it"
		flock 9
	fi
	if [[ -d "$install_dir" ]]; then
		exec 9>&-
		return 0
	fi

	command -v rg >/dev/null || fail "ripgrep (rg) is not installed"
	log "installing code-server@$CODE_SERVER_VERSION into $install_dir (about a minute)"

	# @vscode/ripgrep cannot reach GitHub here; give its postinstall Debian's rg as a cached download.
	local rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
	if [[ ! -s "$rg_cache/$RIPGREP_ASSET" ]]; then
		local rg_stage
		rg_stage=$(mktemp -d)
		cp "$(command -v rg)" "$rg_stage/rg"
		mkdir -p "$rg_cache"
		tar -czf "$rg_cache/$RIPGREP_ASSET.partial" -C "$rg_stage" rg
		mv "$rg_cache/$RIPGREP_ASSET.partial" "$rg_cache/$RIPGREP_ASSET"
		rm -rf "$rg_stage"
	fi

	local staging="$install_dir.partial"
	rm -rf "$staging"
	mkdir -p "$staging"
	# npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which a `yes=false` npmrc cancels.
	# --unsafe-perm: as root, code-server's postinstall refuses to run without it.
	# --foreground-scripts keeps the native builds' output in the log, which is what explains a failure.
	if ! npm_config_yes=true npm install --prefix "$staging" --no-audit --no-fund \
		--unsafe-perm --foreground-scripts --omit=dev "code-server@$CODE_SERVER_VERSION" \
		>"$cache_dir/install.log" 2>&1; then
		tail -n 40 "$cache_dir/install.log" >&2
		rm -rf "$staging"
		fail "npm could not install code-server@$CODE_SERVER_VERSION (full log: $cache_dir/install.log)"
	fi
	# code-server writes a config file and log folder under the XDG folders even for --version; point
	# them at a throwaway folder so the check leaves the home folder untouched.
	local entry="$staging/node_modules/code-server/out/node/entry.js" xdg
	xdg=$(mktemp -d)
	if [[ ! -f "$entry" ]] || ! XDG_CONFIG_HOME="$xdg" XDG_DATA_HOME="$xdg" XDG_CACHE_HOME="$xdg" node "$entry" --version >/dev/null 2>&1; then
		rm -rf "$staging" "$xdg"
		fail "code-server installed but does not start (log: $cache_dir/install.log)"
	fi
	rm -rf "$xdg"
	mv "$staging" "$install_dir"
	exec 9>&-
	log "code-server@$CODE_SERVER_VERSION ready"
}

install_apt_packages
install_code_server
