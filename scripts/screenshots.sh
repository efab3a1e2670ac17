#!/usr/bin/env bash
# Copies the screenshots the end-to-end tests made (artifacts/) into
# docs/screenshots/, where the README shows them. Run after ./build.sh test.
set -euo pipefail
cd "$(dirname "$0")/.."
for name in chromium-popup chromium-popup-ja chromium-banner chromium-guard-typing chromium-guard-dialog \
            chromium-warning chromium-warning-ja chromium-guide chromium-www firefox-popup; do
  cp "artifacts/$name.png" "docs/screenshots/$name.png"
done
echo "updated docs/screenshots/"
