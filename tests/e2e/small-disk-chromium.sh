#!/bin/sh
# Issue 16 fault injection: Chromium with its profile directory on a small filesystem, so the
# extension meets a real full disk (its unlimitedStorage permission makes the origin's quota the
# free disk space; DevTools' Storage.overrideQuotaForOrigin is ignored for it, measured).
# A private mount namespace holds a tmpfs of SV_SMALL_DISK_MB megabytes mounted over
# SV_SMALL_DISK_DIR (the profile Playwright made, its files copied in); nothing outside sees it.
# The browser's pid goes to SV_SMALL_DISK_DIR.pid: the test reaches the tmpfs through
# /proc/<pid>/root to fill and free it. Used as Playwright's executablePath (tests/e2e/harness.ts, option profileDiskMb).
set -e
exec unshare --map-root-user --mount --propagation private sh -c '
  set -e
  saved=$(mktemp -d)
  cp -a "$SV_SMALL_DISK_DIR/." "$saved/"
  mount -t tmpfs -o "size=${SV_SMALL_DISK_MB}m" tmpfs "$SV_SMALL_DISK_DIR"
  cp -a "$saved/." "$SV_SMALL_DISK_DIR/"
  rm -rf "$saved"
  # The test fills and frees the disk through /proc/<pid>/root (the namespace is private).
  echo $$ > "$SV_SMALL_DISK_DIR.pid"
  exec "$SV_CHROMIUM_REAL" "$@"
' small-disk-chromium "$@"
