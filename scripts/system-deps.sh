#!/usr/bin/env bash
# System packages the tests use (CJK font for PDF fixtures and charts, poppler for PDF->PNG,
# LibreOffice for DOCX->PDF rendering checks, qpdf for encrypted-PDF fixtures).
# Installs them when run as root with apt-get; otherwise says what is missing.
set -uo pipefail
PKGS=(fonts-wqy-zenhei poppler-utils qpdf libreoffice-writer-nogui)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null 2>&1 || echo "warning: apt-get update failed" >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || { echo "error: apt-get install ${missing[*]} failed" >&2; exit 1; }
else
  echo "note: system packages missing (${missing[*]}); tests that need them will skip" >&2
fi
