#!/bin/sh
# Install what building and testing pactum needs on Debian 12, and nothing
# that is there already.  Uses sudo when not run as root.
set -eu

# build: compiler, autotools, gettext, libraries
# tests: Check, valgrind, strace (tests/e2e/heap.sh), gcovr (make
# coverage), clang with libFuzzer (the fuzz targets), the DocBook toolchain the writers are checked with, and
# the translators' tools the catalogs are checked with; the clients the
# DOCX, HTML and PDF outputs are checked with (LibreOffice, Chromium,
# pdftotext, html5lib) and fonts for them
packages="gcc g++ clang libclang-rt-14-dev libc6-dev make autoconf automake libtool autopoint gettext pkgconf
libxml2-dev libxml2-utils libicu-dev libzip-dev nettle-dev libhyphen-dev hyphen-de
hyphen-en-us check valgrind strace gcovr xsltproc jing docbook5-xml
docbook-xsl-ns pandoc itstool translate-toolkit python3 groff-base man-db
chromium libreoffice-writer-nogui poppler-utils python3-html5lib unzip parallel
fonts-dejavu-core fonts-liberation2"

missing=
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	as_root=
elif command -v sudo >/dev/null 2>&1; then
	as_root=sudo
else
	echo "install-deps: need root (or sudo) to install:$missing" >&2
	exit 1
fi
echo "install-deps: installing$missing"
$as_root apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends $missing
