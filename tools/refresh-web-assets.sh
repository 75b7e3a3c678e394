#!/usr/bin/env bash
# Copies the front-end libraries listed in tools/web-assets.tsv from their npm packages into the
# source tree. Each tarball is checked against the pinned sha512 integrity before anything is
# copied, so a refresh cannot bring in other bytes than the ones reviewed. Needs npm (Debian's
# `npm` package) and the npm registry; the build itself never runs it.
#   tools/refresh-web-assets.sh           copy every package
#   tools/refresh-web-assets.sh --check   only check that the committed files match the packages
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-copy}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
while IFS=$'\t' read -r pkg version integrity dest files; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  (cd "$work" && npm pack --silent "$pkg@$version" >/dev/null)
  tarball=$(ls "$work"/*.tgz)
  actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
  if [[ "$actual" != "$integrity" ]]; then
    echo "refresh-web-assets: $pkg@$version: integrity $actual, expected $integrity" >&2
    exit 1
  fi
  mkdir -p "$work/x" && tar xzf "$tarball" -C "$work/x"
  licence=$(ls "$work"/x/package/LICEN[CS]E* 2>/dev/null | head -1 || true)
  for f in $files LICENSE; do
    src="$work/x/package/$f"
    [[ "$f" == LICENSE ]] && src="$licence"
    target="$dest/$(basename "$f")"
    if [[ "$f" == LICENSE && -z "$src" ]]; then
      # Some packages ship no licence file; record the licence their package.json declares.
      src="$work/licence.txt"
      node -e 'const p=require(process.argv[1]);console.log(`${p.name} ${p.version}: licence ${p.license} (declared in package.json; the package ships no licence file).`)' \
        "$work/x/package/package.json" > "$src"
    fi
    if [[ "$mode" == --check ]]; then
      cmp -s "$src" "$target" || { echo "refresh-web-assets: $target differs from $pkg@$version" >&2; status=1; }
    else
      mkdir -p "$dest" && cp "$src" "$target"
    fi
  done
  echo "$pkg@$version: ok"
  rm -rf "$work"/x "$tarball"
done < tools/web-assets.tsv
exit $status
