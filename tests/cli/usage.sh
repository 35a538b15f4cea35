# Usage errors (docs/cli.md): one line on stderr, "cable: " and what is wrong
# with where to read more, exit status 2; `cable` alone prints the command list
# as `cable help` does, and `cable index` of a path that is not there creates
# nothing. A query that cannot mean what it says (a classification that does
# not exist, a comparison, a '*' inside a word) and an ID that cannot be one
# are usage errors too.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
usage() {
  echo "\$ cable ${*//$tmp/TMP}"
  "$CABLE" "$@" >"$tmp/out" 2>"$tmp/err"
  echo "exit $?, $(wc -l <"$tmp/out") lines on stdout"
  cat "$tmp/err"
}
usage search --db "$tmp/db" --limit -1 word
usage search --db "$tmp/db" --limit many word
usage search --db "$tmp/db" --offset 2.5 word
usage search --db "$tmp/db" --sort newest word
usage search word
usage search --db "$tmp/db"
usage search --db "$tmp/db" --bogus word
usage stats --db "$tmp/db" --top -3
usage index --db "$tmp/db" --jobs x corpus/
usage index --db "$tmp/db" --commit-every 0 corpus/
usage index --db "$tmp/db" corpus/ /no/such/path
test -e "$tmp/db" && echo "the index was created" || echo "no index was created"
"$CABLE" index --db "$tmp/idx" corpus/ >/dev/null 2>&1
usage search --db "$tmp/idx" 'class:secert'
usage search --db "$tmp/idx" 'date>2009'
usage search --db "$tmp/idx" 'tag=KTIP'
usage search --db "$tmp/idx" 'Q*dhafi'
usage cited-by --db "$tmp/idx" 'not an id'
usage show --db "$tmp/idx" 'paris'
usage help nosuch
usage help search extra
usage --bogus
"$CABLE" >"$tmp/bare" 2>&1
echo "cable alone: exit $?"
"$CABLE" help >"$tmp/help"
echo "cable help: exit $?"
cmp -s "$tmp/bare" "$tmp/help" && echo "cable alone prints what cable help prints"
grep -E '^  (parse|index|search|show|cited-by|stats|check|synth) ' "$tmp/help" | sed 's/  */ /g' | cut -d' ' -f2
"$CABLE" help search >"$tmp/search"
echo "cable help search: exit $?"
head -2 "$tmp/search"
