#!/usr/bin/env bash
# What the test suite needs from Debian: Chromium (browser tests) and PostgreSQL's binaries (the tests start private
# throwaway clusters; no system cluster is created or used). Installs what is missing when it can (root + apt-get),
# otherwise says what to install and fails.
set -euo pipefail

has_initdb() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
has_initdb || missing+=(postgresql)
# Prometheus (gives promtool): the metrics tests lint the exposition and scrape it with a real server.
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "missing system packages: ${missing[*]} (on Debian: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  if [[ " ${missing[*]} " == *" postgresql "* ]]; then
    # No system cluster: the tests never use one, and it would only hold memory.
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/healthdeck-no-main.conf
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
chromium --version 2>/dev/null | grep -v "unexpected operator" || true
ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null || command -v initdb
command -v promtool
