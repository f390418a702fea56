#!/usr/bin/env bash
# Installs what twelve-points needs on a fresh Debian machine: the system packages
# (a browser for PDF cards and add-in tests, CJK fonts, poppler and xmllint for checks,
# duktape for the ES5 build of the core, NSS tools for the certificate trust step, Wine,
# osslsigncode and lintian for the downloads)
# and the npm dependencies. Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
# An ES5 engine: the core as the add-in bundles it for IE11 is run in duktape (test/core-es5.test.ts).
command -v duk >/dev/null 2>&1 || need+=(duktape)
# NSS tools (certutil, vfychain): `twelve serve --trust` and its test write the NSS database that
# Chromium reads for the certificate trust (test/server/tls.test.ts).
command -v certutil >/dev/null 2>&1 || need+=(libnss3-tools)
# The downloads' tests (test/dist.test.ts): the Windows zip run under Wine, node.exe's signature,
# the .debs checked with lintian and installed with apt, the arm64 node told apart with file.
command -v wine >/dev/null 2>&1 || need+=(wine64 wine)
command -v osslsigncode >/dev/null 2>&1 || need+=(osslsigncode)
command -v lintian >/dev/null 2>&1 || need+=(lintian)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
command -v file >/dev/null 2>&1 || need+=(file)
# Read the font list once: `fc-list | grep -q` dies of SIGPIPE under pipefail and looks like "missing".
fonts=$(fc-list 2>/dev/null || true)
grep -q "Noto Serif CJK" <<<"$fonts" || need+=(fonts-noto-cjk)
grep -qi "AR PL UKai" <<<"$fonts" || need+=(fonts-arphic-ukai)
grep -qi "LXGW WenKai" <<<"$fonts" || need+=(fonts-lxgw-wenkai)
grep -qi "Noto Color Emoji" <<<"$fonts" || need+=(fonts-noto-color-emoji)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  echo "安装系统软件包: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
