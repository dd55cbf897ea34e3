#!/bin/sh
# deps.sh: makes sure the Debian packages berkas builds and tests with are present.
# As root it installs the missing ones with apt-get; otherwise it prints the command.
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "berkas: installing missing packages:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || {
		echo "berkas: apt-get install$missing failed" >&2; exit 1; }
else
	echo "berkas: missing Debian packages. Run:" >&2
	echo "  sudo apt-get install$missing" >&2
	exit 1
fi
