# shellcheck shell=bash
# Sourced by the workflow scripts: GitHub's REST API through curl.
# Needs GITHUB_API_URL and GITHUB_REPOSITORY (GitHub Actions sets both) and
# GITHUB_TOKEN (the workflow passes it in). Never prints the token.

# github_api METHOD PATH [BODY_FILE]: the response body on stdout; non-zero
# (with GitHub's message on stderr) on any HTTP error.
github_api() {
  local method=$1 path=$2 body=${3:-}
  : "${GITHUB_API_URL:?GITHUB_API_URL is not set (GitHub Actions sets it)}"
  : "${GITHUB_TOKEN:?GITHUB_TOKEN is not set}"
  local args=(-sS --max-time 60 --retry 3 -X "$method"
    -H "Accept: application/vnd.github+json" -H "X-GitHub-Api-Version: 2022-11-28"
    -K - -w '\n%{http_code}')
  [[ -n $body ]] && args+=(-H "Content-Type: application/json" --data-binary "@$body")
  local response status
  # The token reaches curl on stdin, never on its command line.
  response=$(curl "${args[@]}" "$GITHUB_API_URL$path" <<< "header = \"Authorization: Bearer $GITHUB_TOKEN\"") \
    || { echo "github: $method $path failed" >&2; return 1; }
  status=${response##*$'\n'}
  response=${response%$'\n'*}
  if [[ $status != 2?? ]]; then
    echo "github: $method $path: HTTP $status: $response" >&2
    return 1
  fi
  printf '%s\n' "$response"
}

# json_object KEY VALUE [KEY VALUE...]: a JSON object of strings; a VALUE
# of the form @FILE is that file's text (one trailing newline dropped).
json_object() {
  python3 -c '
import json, sys
args, out = sys.argv[1:], {}
for key, value in zip(args[::2], args[1::2]):
    if value.startswith("@"):
        value = open(value[1:], encoding="utf-8").read()
        value = value[:-1] if value.endswith("\n") else value
    out[key] = value
print(json.dumps(out))' "$@"
}

# json_get EXPR: evaluates EXPR (Python, `d` is the JSON read from stdin).
json_get() {
  python3 -c 'import json, sys; d = json.load(sys.stdin); v = eval(sys.argv[1]); print("" if v is None else v)' "$1"
}
