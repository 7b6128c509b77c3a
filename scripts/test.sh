#!/usr/bin/env bash
# The whole test suite, on a fresh Debian 12 machine without a GPU.
# Installs Mesa's software Vulkan driver (lavapipe) for the headless render tests, fetches the
# crates, then runs formatting, lints and every test with the network switched off.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in mesa-vulkan-drivers libvulkan1; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if ((${#need[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

cargo fetch --locked
# Reference images are made on Vulkan (lavapipe); pin it so GL's slightly different pixels never count.
export WGPU_BACKEND=vulkan
# The Vulkan loader wants a runtime directory; a headless CI machine may have none.
if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -d "$XDG_RUNTIME_DIR" ]; then
  XDG_RUNTIME_DIR=$(mktemp -d)
  export XDG_RUNTIME_DIR
fi

# No network for the tests themselves: prove that nothing reaches out.
offline=()
if unshare -n true 2>/dev/null; then
  offline=(unshare -n)
else
  echo "note: cannot switch the network off here (unshare -n); running tests with cargo --offline only"
fi

cargo fmt --check
cargo clippy --locked --offline --all-targets -- -D warnings
"${offline[@]}" cargo test --locked --offline --all-targets
