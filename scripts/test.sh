#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine, then run all tests.
# Browser tests drive Debian's Chromium (/usr/bin/chromium); Playwright cannot download its own here.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1

if [ ! -x "${HANDBOOK_CHROMIUM:-/usr/bin/chromium}" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
fi

python3 -m pip install -q -e ".[test]"
# Answers may show PyTorch code; 2.13.0 is the CPU build this project tests against.
python3 -m pip install -q "torch==2.13.0"

python3 -m ruff check src tests scripts
python3 -m pytest -q "$@"
