#!/usr/bin/env bash
# Builds the Teams app package: deploy/teams/out/micromove-teams.zip (manifest.json + color.png + outline.png).
# Usage: deploy/teams/build-package.sh APP_ID PUBLIC_HOST
#   APP_ID       the Azure Bot's Microsoft App ID (a GUID); used as the Teams app id and the bot id
#   PUBLIC_HOST  the host Teams reaches the bot on, without scheme or path (e.g. micromove.example.com)
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 APP_ID PUBLIC_HOST" >&2
  exit 2
fi

app_id="$1"
public_host="$2"
if [[ ! "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "APP_ID must be a GUID (the Azure Bot's Microsoft App ID), got '$app_id'" >&2
  exit 2
fi
if [[ ! "$public_host" =~ ^[A-Za-z0-9.-]+(:[0-9]+)?$ ]]; then
  echo "PUBLIC_HOST must be a bare host name such as micromove.example.com (no https://, no path), got '$public_host'" >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${PACKAGE_OUT_DIR:-$here/out}"  # PACKAGE_OUT_DIR: tests build into a temporary folder
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$out"
sed -e "s/{{APP_ID}}/$app_id/g" -e "s/{{PUBLIC_HOST}}/$public_host/g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"

if grep -q '{{' "$work/manifest.json"; then
  echo "manifest.json still has unfilled placeholders" >&2
  exit 1
fi

python3 - "$work" "$out/micromove-teams.zip" <<'PY'
import json, os, sys, zipfile
work, target = sys.argv[1], sys.argv[2]
json.load(open(os.path.join(work, "manifest.json"), encoding="utf-8"))  # fail on broken JSON
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
    for name in ("manifest.json", "color.png", "outline.png"):
        package.write(os.path.join(work, name), arcname=name)  # at the zip's root, as Teams requires
PY

echo "$out/micromove-teams.zip"
