#!/usr/bin/env bash
# System packages the tests use (CJK font for PDF fixtures and charts, poppler for PDF->PNG,
# LibreOffice for DOCX->PDF rendering checks and reading legacy .doc, qpdf for encrypted-PDF
# fixtures, Info-ZIP zip for password-protected zip and OFD fixtures, Chromium and its
# WebDriver for the browser tests of `leian serve`; a JDK and Maven for the Elasticsearch node, when
# absent). OCR needs no system package: its models
# come in the `rapidocr` wheel (pyproject.toml).
# Installs them when run as root with apt-get; otherwise says what is missing.
#   bash scripts/system-deps.sh           everything the tests use
#   bash scripts/system-deps.sh runtime   what `leian demo`, ingestion and reports use (the CJK
#                                         font, for the demo's PDFs and the summaries' charts)
set -uo pipefail
if [ "${1:-}" = runtime ]; then
  PKGS=(fonts-wqy-zenhei)
else
  PKGS=(fonts-wqy-zenhei poppler-utils qpdf libreoffice-writer-nogui zip chromium chromium-driver)
fi
missing=()
# The Elasticsearch tests run a node fetched from Maven Central: a JDK and Maven, when absent.
if [ "${1:-}" != runtime ]; then
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  { command -v java >/dev/null 2>&1 || ls /usr/lib/jvm/*/bin/java >/dev/null 2>&1; } || missing+=(default-jdk-headless)
fi
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
  echo "note: system packages missing (${missing[*]}); install them (apt-get install ${missing[*]})," \
       "or what needs them is left out with a note (PDF samples, chart fonts) or skipped (tests)" >&2
fi
