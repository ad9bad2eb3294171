#!/bin/sh
# copydesk pre-commit hook: checks the article files staged for commit, as they are staged.
#
# Install:   cp scripts/pre-commit-hook.sh .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
# Settings:  COPYDESK (the tool, default: copydesk on PATH), COPYDESK_ARTICLES (the folder holding
#            articles, default: content), COPYDESK_FLAGS (more options, e.g. --profile strict).
# Skip once: git commit --no-verify
set -eu

copydesk=${COPYDESK:-copydesk}
articles=${COPYDESK_ARTICLES:-content}
top=$(git rev-parse --show-toplevel)
cd "$top"

# The staged article files (added, copied, modified, renamed) under the articles folder.
staged=$(git diff --cached --name-only --diff-filter=ACMR -- "$articles" |
    grep -E '\.(txt|text|md|markdown|ya?ml|json|xml)$' || true)
[ -n "$staged" ] || exit 0

# Check the staged content, not the working tree: copy the index's version of each file (and of
# every .copydesk.yml) into a temporary tree with the same layout, and validate there.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "$staged" | git checkout-index --prefix="$tmp/" --stdin
git ls-files -- '.copydesk.yml' '*/.copydesk.yml' | git checkout-index --prefix="$tmp/" --stdin

status=0
# shellcheck disable=SC2086 # COPYDESK_FLAGS is a list of options
(cd "$tmp" && echo "$staged" | tr '\n' '\0' | xargs -0 "$copydesk" validate ${COPYDESK_FLAGS:-}) || status=$?
if [ "$status" -ne 0 ]; then
    echo "copydesk: fix the findings above, or commit with --no-verify to skip the check" >&2
fi
exit "$status"
