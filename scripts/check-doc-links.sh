#!/usr/bin/env bash
# Fails when README.md or a page under docs/ links to a file of the repository that does not exist:
# Markdown links `[text](path)`, `<img src="path">`, and the `docs/<name>.md` pages named in the text.
# Web addresses and in-page anchors are left alone; a link's own `#anchor` is not checked.
set -euo pipefail
cd "$(dirname "$0")/.."

broken=0
for page in README.md docs/*.md; do
    base=$(dirname "$page")
    while IFS= read -r target; do
        case "$target" in http://* | https://* | mailto:* | '#'*) continue ;; esac
        path=${target%%#*}
        [ -e "$base/$path" ] || { echo "$page: broken link $target"; broken=1; }
    done < <(grep -oE '\]\([^)[:space:]]+\)|src="[^"]+"' "$page" | sed -E 's/^\]\((.*)\)$/\1/; s/^src="(.*)"$/\1/')
    while IFS= read -r named; do
        [ -e "$named" ] || { echo "$page: names $named, which does not exist"; broken=1; }
    done < <(grep -oE '\bdocs/[A-Za-z_-]+\.md\b' "$page" | sort -u)
done
exit "$broken"
