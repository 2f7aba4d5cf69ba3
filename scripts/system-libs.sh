#!/bin/sh
# Install missing Debian/Ubuntu packages the app needs, when running as root; otherwise say which.
# Usage: system-libs.sh [--optional] PACKAGE...
# With --optional a package that cannot be installed is only reported, never an error.
optional=0
if [ "$1" = "--optional" ]; then optional=1; shift; fi
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian/Ubuntu: nothing to check here

missing=""
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    if apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
        exit 0
    fi
    echo "Could not install:$missing" >&2
else
    echo "Missing system packages:$missing" >&2
    echo "Install them with: sudo apt-get install$missing" >&2
fi
[ "$optional" = "1" ] && exit 0
exit 1
