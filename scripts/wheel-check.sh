#!/usr/bin/env bash
# Prove the wheel works anywhere: build it from the checkout, install it into a fresh virtual
# environment outside the checkout (its own dependencies resolved by pip, nothing borrowed from the
# project's .venv), then run a small batch, `archivist verify` and a search with it, from a folder
# that has no source tree in reach. `make test` runs it; so does CI (.ci/run runs `make test`).
#
# The fresh environment is made with uv when the project's .venv has it (the test extra installs it):
# it resolves the wheel's dependencies from the package index like pip, but links them from its cache,
# so the install takes seconds instead of most of a minute. Without uv, python -m venv and pip do it.
#
# Usage: scripts/wheel-check.sh [PYTHON]   (default: python3, the interpreter the environment is made from)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-${PYTHON:-python3}}
root=$(pwd)
build_py=$([ -x .venv/bin/python ] && echo .venv/bin/python || echo "$PY")  # any Python with pip
uv=$(command -v .venv/bin/uv || command -v uv || true)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/archivist-wheel-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
unset PYTHONPATH
t0=$(date +%s)
step() { echo "wheel-check: $* ($(( $(date +%s) - t0 )) s)"; }

# 1. Build from a clean copy of the files git knows (tracked or new, not ignored): a stale build/
#    folder in the checkout must not put files into the wheel that the source no longer has.
mkdir "$tmp/src"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$tmp/src"
"$build_py" -m pip wheel --quiet --no-deps --wheel-dir "$tmp/dist" "$tmp/src" > "$tmp/build.log" 2>&1 \
  || { cat "$tmp/build.log"; echo "wheel-check: the wheel did not build" >&2; exit 1; }
wheel=$(ls "$tmp"/dist/archivist-*.whl)
step "built $(basename "$wheel")"

# 2. A fresh environment with the wheel and what it declares it needs (pip resolves them).
if [ -n "$uv" ]; then
  "$uv" venv --quiet --python "$PY" "$tmp/venv" > "$tmp/install.log" 2>&1 \
    && "$uv" pip install --quiet --python "$tmp/venv/bin/python" "$wheel" >> "$tmp/install.log" 2>&1 \
    || { cat "$tmp/install.log"; echo "wheel-check: the wheel did not install" >&2; exit 1; }
else
  "$PY" -m venv "$tmp/venv"
  "$tmp/venv/bin/python" -m pip install --quiet --no-compile "$wheel" > "$tmp/install.log" 2>&1 \
    || { cat "$tmp/install.log"; echo "wheel-check: the wheel did not install" >&2; exit 1; }
fi
step "installed with its dependencies into a fresh virtual environment ($([ -n "$uv" ] && echo uv || echo pip))"

# 3. Use it from outside the checkout: a sample batch (one page of it an iPhone's HEIC photo), verify, search.
run="$tmp/run"
mkdir -p "$run/scans"
cp "$root"/samples/scans/{04-khai-sinh-249-dai-dong.png,05-tb-131-yen-binh.jpg,08-kh-244-huyen-yen-binh-xa-thinh-hung.jpg} \
  "$run/scans/"
cd "$run"
where=$("$tmp/venv/bin/python" -c "import archivist; print(archivist.__file__)")
case "$where" in
  "$tmp/venv/"*) ;;
  *) echo "wheel-check: archivist was imported from $where, not from the installed wheel" >&2; exit 1;;
esac
bin="$tmp/venv/bin"
"$bin/archivist" init --archive archive --commune 04714 > init.out 2>&1 \
  || { cat init.out; echo "wheel-check: init failed (the unit lists)" >&2; exit 1; }
step "init: $(grep -c '^  \[new\]' init.out) fonds"
# One page as an iPhone's photo: the HEIC decoder (pillow-heif, a binary wheel) must work where the wheel went.
"$bin/python" -c "import pillow_heif; from PIL import Image; pillow_heif.from_pillow(Image.open('scans/05-tb-131-yen-binh.jpg').convert('RGB')).save('scans/05-tb-131-yen-binh.heic', enc_params={'preset': 'ultrafast'})" \
  && rm scans/05-tb-131-yen-binh.jpg || { echo "wheel-check: pillow-heif did not write a HEIC" >&2; exit 1; }
"$bin/archivist" process scans --archive archive --workers 2 --quiet > process.out 2> process.err \
  || { cat process.out process.err; echo "wheel-check: process failed" >&2; exit 1; }
step "$(grep '^Documents:' process.out)"
"$bin/archivist" verify --archive archive > verify.out 2>&1 \
  || { cat verify.out; echo "wheel-check: verify failed" >&2; exit 1; }
step "verify: $(tail -n 1 verify.out)"
"$bin/archivist" search "thong bao OR ke hoach OR khai sinh" --archive archive --json > search.json
hits=$("$bin/python" -c "import json; print(len({h['doc_id'] for h in json.load(open('search.json'))}))")
[ "$hits" -ge 3 ] || { cat search.json; echo "wheel-check: search found $hits documents, expected 3" >&2; exit 1; }
step "search found all $hits documents; the wheel works"
