#!/usr/bin/env bash
# The README's test command: every test of every module (`./mvnw -T 3 verify`), on a Debian machine
# that has only a JDK 17.
#   ./test.sh                      all tests
#   ./test.sh -pl playbook-service -am     any Maven arguments are passed on to ./mvnw verify
#
# Three modules at a time: the service modules' suites mostly wait (Graph timeouts, leases), so
# account-, playbook- and notification-service test side by side; system-tests depends on every
# application it launches, so it starts only when their suites are done and has the machine alone.
#
# The dashboard's browser tests drive Debian's headless Chromium through chromedriver
# (/usr/bin/chromium, /usr/bin/chromedriver). When either is missing this script installs the
# Debian packages `chromium` and `chromium-driver` with apt-get first (as root, or through sudo).
# When they cannot be installed it says so and runs the tests anyway: the browser tests then fail,
# they are never skipped, so a green run always includes them.
set -uo pipefail
cd "$(dirname "$0")"

chromium=/usr/bin/chromium
chromedriver=/usr/bin/chromedriver

provision_chromium() {
  if [ -x "$chromium" ] && [ -x "$chromedriver" ]; then
    return 0
  fi
  echo "test.sh: $chromium or $chromedriver is missing (the dashboard's browser tests need both)"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: no apt-get here; install Chromium and its chromedriver at those paths yourself," \
      "or the browser tests will fail"
    return 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "test.sh: not root and no sudo; run 'apt-get install -y chromium chromium-driver' as root," \
        "or the browser tests will fail"
      return 1
    fi
    sudo="sudo "
  fi
  echo "test.sh: installing the Debian packages chromium and chromium-driver:" \
    "${sudo}apt-get update && ${sudo}apt-get install -y chromium chromium-driver"
  if ${sudo}apt-get update -qq \
    && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; then
    echo "test.sh: installed $("$chromium" --version 2>/dev/null || echo chromium)"
    return 0
  fi
  echo "test.sh: could not install chromium and chromium-driver; the browser tests will fail"
  return 1
}

provision_chromium
exec ./mvnw -T 3 verify "$@"
