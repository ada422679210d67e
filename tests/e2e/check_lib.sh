# shellcheck shell=bash disable=SC2154  # $work, $root and $bin come from the script that sources this
# Shared by the end-to-end scripts: count checks; show the output of a
# failing one (what the command wrote to $work/out). Expects $work.
passes=0
failures=0
check() {  # name expected-exit actual-exit
  if [[ $2 == "$3" ]]; then
    passes=$((passes + 1))
  else
    failures=$((failures + 1))
    echo "FAIL $1: exit $3, expected $2"
    cat "$work/out"
  fi
}
contains() {  # name text
  if grep -qF -- "$2" "$work/out"; then
    passes=$((passes + 1))
  else
    failures=$((failures + 1))
    echo "FAIL $1: '$2' not in:"
    cat "$work/out"
  fi
}
